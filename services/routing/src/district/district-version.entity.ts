import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A district file routing has accepted, by its declared version. Exactly one is active: every replica decides
 * under it (each reads the active version in its own transaction), so a reload reaches them all at once.
 */
@Entity({ name: 'district_versions' })
@Index('district_versions_one_active', ['active'], { unique: true, where: 'active' })
export class DistrictVersionEntity {
  @PrimaryColumn('text')
  version!: string;

  @Column('text')
  sha256!: string;

  /** The district as canonical JSON (what the digest is taken over). */
  @Column('text')
  content!: string;

  /** Where it came from: `file:<path>`, `demo`, or `api:<operator id>`. */
  @Column('text')
  source!: string;

  @Column('boolean')
  active!: boolean;

  @Column('timestamptz', { name: 'loaded_at' })
  loadedAt!: Date;

  @Column('timestamptz', { name: 'activated_at' })
  activatedAt!: Date;
}
