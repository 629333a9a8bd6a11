/** The GraphQL type definitions, one module per type family. */
import { analyticsTypeDefs } from './analytics.js';
import { cascadeTypeDefs } from './cascade.js';
import { directiveTypeDefs } from './directive.js';
import { edgeTypeDefs } from './edges.js';
import { ingestTypeDefs } from './ingest.js';
import { previewTypeDefs } from './preview.js';
import { organizationTypeDefs } from './organization.js';
import { provinceTypeDefs } from './province.js';
import { scheduleTypeDefs } from './schedule.js';
import { searchTypeDefs } from './search.js';

export const typeDefs = [directiveTypeDefs, edgeTypeDefs, organizationTypeDefs, cascadeTypeDefs, searchTypeDefs, analyticsTypeDefs, provinceTypeDefs, ingestTypeDefs, previewTypeDefs, scheduleTypeDefs].join('\n');
