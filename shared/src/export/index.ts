export * from './flattenRows';
export * from './rowsOf';
export * from './valueAt';
export * from './toCsv';
