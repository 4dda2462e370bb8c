export * from './flattenRows';
export * from './rowsOf';
