/** How an organisation is named in lists and drawings. */

/** "Cấp ủy cơ sở (Khối các cơ quan tỉnh, Quảng Nam)": the unit below the province, when the name does not say, and the province. */
export function organizationLabel(name: string, unit: string | null, province: string | null): string {
  const where = [unit, province].filter((x): x is string => !!x).join(', ');
  return where ? `${name} (${where})` : name;
}
