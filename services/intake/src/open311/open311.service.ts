import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, UnitOfWork } from '@petitions/platform';
import { IntakeHttpError } from '../http/intake-http.error';
import { invalidFields } from '../http/validation-failed';
import { PetitionIntakeService } from '../petitions/petition-intake.service';
import { PetitionRepository } from '../petitions/petition.repository';
import { parseTrackingCode } from '../petitions/tracking-code';
import { discoveryOf, serviceDefinitionOf, serviceListOf } from './open311-catalogue';
import { RETRY_WINDOW_MS } from './open311-dedup';
import type { Open311Document } from './open311-format';
import type { Open311Key } from './open311-keys';
import {
  dateRangeOf,
  MAX_RECORDS,
  requestFilterOf,
  type DateRangeQuery,
  type Parsed,
  type ServiceRequestsQuery,
} from './open311-query';
import { serviceRequestFiledDocument, serviceRequestsDocument, serviceRequestUpdatesDocument } from './open311-record';
import { readOpen311Request } from './open311-request-form';
import { Open311RequestEntity } from './open311-request.entity';
import { Open311Repository } from './open311.repository';

/** Where Open311 clients reach `/open311/v2` (INTAKE_OPEN311_URL), for the discovery document. */
export class Open311Endpoint {
  constructor(readonly url: string) {}
}

function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw invalidFields(parsed.problems);
  return parsed.value;
}

/** GeoReport v2 over intake: requests become petitions by the same path as `POST /petitions`. */
@Injectable()
export class Open311Service {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly intake: PetitionIntakeService,
    private readonly petitions: PetitionRepository,
    private readonly repository: Open311Repository,
    private readonly endpoint: Open311Endpoint,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  discovery(): Open311Document {
    return discoveryOf(this.endpoint.url);
  }

  services(): Open311Document {
    return serviceListOf();
  }

  serviceDefinition(serviceCode: string): Open311Document {
    const definition = serviceDefinitionOf(serviceCode);
    if (!definition) throw new IntakeHttpError('NOT_FOUND', 'no service has this service_code');
    return definition;
  }

  /**
   * Files a POST Service Request as a petition of the key's channel: stored with its event, and its Open311 row,
   * in one transaction. A retry (the same client id, or the same request within 24 hours) answers the same
   * service request and stores nothing.
   */
  async file(body: Readonly<Record<string, unknown>>, key: Open311Key): Promise<Open311Document> {
    const now = this.clock.now();
    const read = readOpen311Request(body, key, now);
    if (!read.ok) throw invalidFields(read.problems);
    const { petition, previousChannelMessageId, mediaUrl } = read.submission;
    const trackingCode = await this.unitOfWork.run(async () => {
      const earlier =
        previousChannelMessageId !== undefined
          ? await this.petitions.findByChannelMessage(petition.channel, previousChannelMessageId)
          : null;
      if (earlier && now.getTime() - earlier.receivedAt.getTime() < RETRY_WINDOW_MS) {
        return earlier.trackingCode;
      }
      const accepted = await this.intake.submit(petition);
      await this.repository.recordRequest(
        Object.assign(new Open311RequestEntity(), { petitionId: accepted.petitionId, keyId: key.keyId, mediaUrl }),
      );
      return accepted.trackingCode;
    });
    return serviceRequestFiledDocument(trackingCode, petition.category);
  }

  async requests(query: ServiceRequestsQuery): Promise<Open311Document> {
    const filter = valueOf(requestFilterOf(query, this.clock.now()));
    return serviceRequestsDocument(await this.repository.requests(filter, MAX_RECORDS));
  }

  /** One request by its service_request_id (the tracking code); NOT_FOUND unless it came through Open311. */
  async request(serviceRequestId: string): Promise<Open311Document> {
    const code = parseTrackingCode(serviceRequestId);
    const rows = code !== null ? await this.repository.requests({ kind: 'ids', trackingCodes: [code] }, 1) : [];
    if (rows.length === 0)
      throw new IntakeHttpError('NOT_FOUND', 'no service request filed through Open311 has this id');
    return serviceRequestsDocument(rows);
  }

  async updates(query: DateRangeQuery): Promise<Open311Document> {
    const range = valueOf(dateRangeOf(query, this.clock.now()));
    return serviceRequestUpdatesDocument(await this.repository.updates(range, MAX_RECORDS));
  }
}
