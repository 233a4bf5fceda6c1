import 'reflect-metadata';
import { getMetadataStorage, validateSync, type ValidationError } from 'class-validator';

const SECRET_KEYS = Symbol('secretConfigKeys');

/**
 * Marks a configuration variable whose value must never be logged. When it is invalid, the error names the
 * validators' reasons but never the value (so those messages must not use `$value`).
 */
export function Secret(): PropertyDecorator {
  return (target, propertyKey) => {
    const existing = (Reflect.getMetadata(SECRET_KEYS, target) as string[] | undefined) ?? [];
    Reflect.defineMetadata(SECRET_KEYS, [...existing, String(propertyKey)], target);
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

type ConfigClass<T> = new () => T;

/** The environment variables a configuration class reads: its validated property names. */
export function configVariableNames(configClass: ConfigClass<object>): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(configClass, '', true, false);
  return [...new Set(metadata.map((entry) => entry.propertyName))].sort();
}

export function secretVariableNames(configClass: ConfigClass<object>): string[] {
  const { prototype } = configClass as { prototype: object };
  return (Reflect.getMetadata(SECRET_KEYS, prototype) as string[] | undefined) ?? [];
}

/** Converts by the type of the default value (design:type metadata is `Object` for unannotated properties). */
function convert(raw: string, defaultValue: unknown): unknown {
  if (typeof defaultValue === 'number') return raw.trim() === '' ? Number.NaN : Number(raw);
  if (typeof defaultValue === 'boolean') {
    if (/^(true|1|yes)$/i.test(raw)) return true;
    if (/^(false|0|no)$/i.test(raw)) return false;
    return raw;
  }
  return raw;
}

/** One line per bad variable: why, and the value it had unless it is a secret (whose reasons must not quote it). */
function describe(errors: ValidationError[], secrets: ReadonlySet<string>): string[] {
  return errors.map((error) => {
    const reasons = Object.values(error.constraints ?? {}).join(', ');
    if (!secrets.has(error.property)) return `${error.property}: ${reasons} (got ${JSON.stringify(error.value)})`;
    // A secret's message ($value) could quote it: then only say that it is invalid.
    const quoted = typeof error.value === 'string' && error.value !== '' && reasons.includes(error.value);
    return `${error.property}: ${quoted ? 'invalid' : reasons} (value hidden: secret)`;
  });
}

/**
 * Builds a configuration object from the environment once, at boot. Property initialisers are the defaults;
 * a variable that is set but invalid stops the service with a message naming it (never silently defaulted).
 */
export function loadConfig<T extends object>(configClass: ConfigClass<T>, env: NodeJS.ProcessEnv = process.env): T {
  const config = new configClass();
  const target = config as Record<string, unknown>;
  for (const name of configVariableNames(configClass)) {
    const raw = env[name];
    if (raw === undefined) continue;
    target[name] = convert(raw, target[name]);
  }
  const errors = validateSync(config, { forbidUnknownValues: true });
  if (errors.length > 0) {
    throw new ConfigError(describe(errors, new Set(secretVariableNames(configClass))));
  }
  return config;
}

/** The configuration as it may be logged: secrets replaced, passwords in URLs masked. */
export function redactedConfig(config: object): Record<string, unknown> {
  const secrets = new Set(secretVariableNames(config.constructor as ConfigClass<object>));
  return Object.fromEntries(
    Object.entries(config).map(([key, value]) => {
      if (secrets.has(key)) return [key, '***'];
      if (typeof value === 'string') return [key, value.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@')];
      return [key, value];
    }),
  );
}
