/** The 61 columns of a GDELT 2.0 Events export, in file order, with their declared types. */
export type GdeltType = 'INTEGER' | 'FLOAT' | 'STRING';

const actor = (n: 1 | 2): [string, GdeltType][] => [
  [`Actor${n}Code`, 'STRING'],
  [`Actor${n}Name`, 'STRING'],
  [`Actor${n}CountryCode`, 'STRING'],
  [`Actor${n}KnownGroupCode`, 'STRING'],
  [`Actor${n}EthnicCode`, 'STRING'],
  [`Actor${n}Religion1Code`, 'STRING'],
  [`Actor${n}Religion2Code`, 'STRING'],
  [`Actor${n}Type1Code`, 'STRING'],
  [`Actor${n}Type2Code`, 'STRING'],
  [`Actor${n}Type3Code`, 'STRING'],
];

const geo = (prefix: 'Actor1' | 'Actor2' | 'Action'): [string, GdeltType][] => [
  [`${prefix}Geo_Type`, 'INTEGER'],
  [`${prefix}Geo_FullName`, 'STRING'],
  [`${prefix}Geo_CountryCode`, 'STRING'],
  [`${prefix}Geo_ADM1Code`, 'STRING'],
  [`${prefix}Geo_ADM2Code`, 'STRING'],
  [`${prefix}Geo_Lat`, 'FLOAT'],
  [`${prefix}Geo_Long`, 'FLOAT'],
  [`${prefix}Geo_FeatureID`, 'STRING'],
];

export const GDELT_COLUMNS: readonly (readonly [name: string, type: GdeltType])[] = [
  ['GLOBALEVENTID', 'INTEGER'],
  ['SQLDATE', 'INTEGER'],
  ['MonthYear', 'INTEGER'],
  ['Year', 'INTEGER'],
  ['FractionDate', 'FLOAT'],
  ...actor(1),
  ...actor(2),
  ['IsRootEvent', 'INTEGER'],
  ['EventCode', 'STRING'],
  ['EventBaseCode', 'STRING'],
  ['EventRootCode', 'STRING'],
  ['QuadClass', 'INTEGER'],
  ['GoldsteinScale', 'FLOAT'],
  ['NumMentions', 'INTEGER'],
  ['NumSources', 'INTEGER'],
  ['NumArticles', 'INTEGER'],
  ['AvgTone', 'FLOAT'],
  ...geo('Actor1'),
  ...geo('Actor2'),
  ...geo('Action'),
  ['DATEADDED', 'INTEGER'],
  ['SOURCEURL', 'STRING'],
];

export const GDELT_COLUMN_NAMES: readonly string[] = GDELT_COLUMNS.map(([name]) => name);
