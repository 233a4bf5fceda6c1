import { Init1795852408405 } from './1795852408405-Init';
import { AddReporterContact1795854929744 } from './1795854929744-AddReporterContact';
import { AddPetitionStatus1795857705900 } from './1795857705900-AddPetitionStatus';
import { AddPetitionLocationAndCategory1795864176895 } from './1795864176895-AddPetitionLocationAndCategory';

/** In order of application. Never edit a migration that has landed: add a new one. */
export const intakeMigrations = [
  Init1795852408405,
  AddReporterContact1795854929744,
  AddPetitionStatus1795857705900,
  AddPetitionLocationAndCategory1795864176895,
];
