import { Module } from '@nestjs/common';
import { IntakeConfig } from '../config';
import { PiiCipher } from './pii-cipher';

/** The keyring that seals and opens reporters' personal data (INTAKE_PII_KEYS), for whoever must touch it. */
@Module({
  providers: [
    {
      provide: PiiCipher,
      useFactory: (config: IntakeConfig) => PiiCipher.fromConfig(config.INTAKE_PII_KEYS),
      inject: [IntakeConfig],
    },
  ],
  exports: [PiiCipher],
})
export class ReportersModule {}
