/** A link to a view of one nomination, by its id */
export type HrefOf = ( id: string ) => string;
