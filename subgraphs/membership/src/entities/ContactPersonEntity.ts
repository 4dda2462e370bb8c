import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Personal data: only ever returned to signed-in callers. */
@Entity({ name: 'contact_persons' })
export class ContactPersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'city_id', type: 'text' })
  cityId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  role: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
