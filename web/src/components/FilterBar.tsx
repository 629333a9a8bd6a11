/** Relation-type, province, level and date-range filters. */
import { ALL_RELATIONS, type Relation } from '../api/types';
import { EDGE_COLORS } from '../graph/palette';
import { chosenOption, optionLabel, type ProvinceOption } from '../graph/provinces';
import { levelName, useI18n } from '../i18n';
import { DEFAULT_FILTERS, type Filters } from '../state/url';
import { DateInput } from './DateInput';

interface Props {
  filters: Filters;
  /** The provinces the cascade names; a province of the 2025 map with those it took over that it names too. */
  provinces: ProvinceOption[];
  /** Level keys present, top to bottom. */
  levels: string[];
  onChange: (filters: Filters) => void;
  /** Relations the view cannot draw (the timeline draws no organisation): shown unchecked and disabled, with why. */
  unavailable?: { relations: Relation[]; why: string };
}

const SWATCH_DASH: Record<Relation, string | undefined> = { IMPLEMENTS: undefined, CITES: '6 3', ASSIGNED_TO: '1.5 3' };

export function FilterBar({ filters, provinces, levels, onChange, unavailable }: Props) {
  const { t } = useI18n();
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);
  const changed = JSON.stringify(filters) !== JSON.stringify(DEFAULT_FILTERS);
  return (
    <div className="filters" data-testid="filters">
      <fieldset>
        <legend>{t('relations')}</legend>
        {ALL_RELATIONS.map((r) => {
          const off = !!unavailable?.relations.includes(r);
          return (
          <label key={r} className={off ? 'check muted' : 'check'} title={off ? unavailable!.why : undefined}>
            <input type="checkbox" checked={!off && filters.relations.includes(r)} disabled={off} onChange={() => onChange({ ...filters, relations: toggle(filters.relations, r) })} data-testid={`rel-${r}`} />
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="22" y2="4" stroke={EDGE_COLORS[r]} strokeWidth="2.5" strokeDasharray={SWATCH_DASH[r]} />
            </svg>
            {t(r)}
          </label>
          );
        })}
      </fieldset>
      <fieldset>
        <legend>{t('province')}</legend>
        <select
          value={chosenOption(filters.provinces[0], provinces)}
          onChange={(e) => onChange({ ...filters, provinces: e.target.value ? [e.target.value] : [] })}
          data-testid="province-filter"
        >
          <option value="">{t('allProvinces')}</option>
          {/* The value is the plain name (the address keeps it); the label says what a new province covers. */}
          {provinces.map((p) => (
            <option key={p.name} value={p.name}>
              {optionLabel(p, t)}
            </option>
          ))}
        </select>
      </fieldset>
      <fieldset>
        <legend>{t('level')}</legend>
        {levels.map((l) => (
          <label key={l} className="check">
            <input type="checkbox" checked={filters.levels.length === 0 || filters.levels.includes(l)} onChange={() => {
              const current = filters.levels.length ? filters.levels : levels;
              const next = toggle(current, l);
              onChange({ ...filters, levels: next.length === levels.length ? [] : next });
            }} />
            {levelName(t, l)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('dateRange')}</legend>
        <label className="date">
          {t('from')} <DateInput value={filters.from} onChange={(from) => onChange({ ...filters, from })} testId="date-from" />
        </label>
        <label className="date">
          {t('to')} <DateInput value={filters.to} onChange={(to) => onChange({ ...filters, to })} testId="date-to" />
        </label>
      </fieldset>
      {changed && (
        <button type="button" className="link" onClick={() => onChange({ ...DEFAULT_FILTERS, relations: [...ALL_RELATIONS] })}>
          {t('resetFilters')}
        </button>
      )}
    </div>
  );
}
