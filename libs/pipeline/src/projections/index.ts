export * from './activity.document';
export * from './activities.projection';
export * from './pipeline-board.document';
export * from './pipeline-board.projection';
export * from './pipeline-definitions.projection';
