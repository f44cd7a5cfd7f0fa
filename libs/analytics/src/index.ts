export * from './satisfaction';
