import { ReporterV1 } from '@petitions/contracts';

/** The reporter as a channel sends it: the contract's class (validation and normalisation live there, once). */
export class ReporterDto extends ReporterV1 {}
