import { HttpStatus } from '@nestjs/common';

export enum ClockCommandErrorCode {
  NoClock = 'NO_CLOCK',
  NotRunning = 'NOT_RUNNING',
  NotPaused = 'NOT_PAUSED',
  NotHolder = 'NOT_HOLDER',
  NotLevelAbove = 'NOT_LEVEL_ABOVE',
  ExtensionNotAllowed = 'EXTENSION_NOT_ALLOWED',
  ExtensionPending = 'EXTENSION_PENDING',
  NoSuchExtension = 'NO_SUCH_EXTENSION',
  AlreadyDecided = 'ALREADY_DECIDED',
}

const STATUS: Record<ClockCommandErrorCode, HttpStatus> = {
  [ClockCommandErrorCode.NoClock]: HttpStatus.NOT_FOUND,
  [ClockCommandErrorCode.NoSuchExtension]: HttpStatus.NOT_FOUND,
  [ClockCommandErrorCode.NotRunning]: HttpStatus.CONFLICT,
  [ClockCommandErrorCode.NotPaused]: HttpStatus.CONFLICT,
  [ClockCommandErrorCode.ExtensionPending]: HttpStatus.CONFLICT,
  [ClockCommandErrorCode.AlreadyDecided]: HttpStatus.CONFLICT,
  [ClockCommandErrorCode.ExtensionNotAllowed]: HttpStatus.CONFLICT,
  [ClockCommandErrorCode.NotHolder]: HttpStatus.FORBIDDEN,
  [ClockCommandErrorCode.NotLevelAbove]: HttpStatus.FORBIDDEN,
};

/** A clock command that the clock's state refuses; the filter maps the code to an HTTP status. */
export class ClockCommandError extends Error {
  constructor(
    readonly code: ClockCommandErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ClockCommandError';
  }

  get status(): HttpStatus {
    return STATUS[this.code];
  }
}
