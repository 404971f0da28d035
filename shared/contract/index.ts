export * from './channels.ts';
export * from './envelope.ts';
export * from './events.ts';
export * from './files.ts';
export * from './jobs.ts';
export * from './limits.ts';
export * from './bridge.ts';
export * from './issues.ts';
