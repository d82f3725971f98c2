/**
 * Lab unit spellings → UCUM codes (valueQuantity.code). A unit not listed keeps only its text
 * (valueQuantity.unit): a wrong UCUM code is worse than none.
 */
const UCUM: Record<string, string> = {
  'g/dl': 'g/dL', 'g/l': 'g/L', 'mg/dl': 'mg/dL', 'mg/l': 'mg/L', 'ug/dl': 'ug/dL', 'µg/dl': 'ug/dL', 'ng/ml': 'ng/mL',
  'pg/ml': 'pg/mL', 'ug/l': 'ug/L', 'mmol/l': 'mmol/L', 'umol/l': 'umol/L', 'µmol/l': 'umol/L', 'nmol/l': 'nmol/L',
  'pmol/l': 'pmol/L', 'meq/l': 'meq/L', 'mosm/kg': 'mosm/kg', 'u/l': 'U/L', 'iu/l': '[IU]/L', 'miu/l': 'm[IU]/L',
  'uiu/ml': 'u[IU]/mL', 'µiu/ml': 'u[IU]/mL', '%': '%', 'pg': 'pg', 'fl': 'fL', 's': 's', 'sec': 's', 'min': 'min',
  'mm/h': 'mm/h', 'mm/hr': 'mm/h', 'mmhg': 'mm[Hg]', 'ratio': '{ratio}',
  '10^3/ul': '10*3/uL', '10*3/ul': '10*3/uL', 'x10^3/ul': '10*3/uL', 'thou/cumm': '10*3/uL', '10^3/cumm': '10*3/uL',
  '10^6/ul': '10*6/uL', '10*6/ul': '10*6/uL', 'x10^6/ul': '10*6/uL', 'mill/cumm': '10*6/uL', 'million/cumm': '10*6/uL',
  '10^9/l': '10*9/L', '10*9/l': '10*9/L', '10^12/l': '10*12/L', '10*12/l': '10*12/L', '/cumm': '/uL', 'cells/cumm': '/uL', '/ul': '/uL',
  'ml/min/1.73m2': 'mL/min/{1.73_m2}',
};

export function ucumCodeOf(unit: string | null | undefined): string | null {
  if (!unit) return null;
  return UCUM[unit.trim().toLowerCase()] ?? null;
}
