/** Where the command handler reads the time that goes on commands (`at`); tests may pin it. */
export const PIPELINE_CLOCK = Symbol('PIPELINE_CLOCK');
export type PipelineClock = () => Date;
