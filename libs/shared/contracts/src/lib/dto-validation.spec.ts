import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { LoginDto } from './auth';
import { CreateOrganizationDto } from './organizations';
import { CreateUserDto } from './users';

async function problems<T extends object>(cls: new () => T, body: object): Promise<string[]> {
  const errors = await validate(plainToInstance(cls, body), { whitelist: true, forbidNonWhitelisted: true });
  return errors.flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('CreateOrganizationDto', () => {
  it('accepts a municipality with its official number', async () => {
    expect(await problems(CreateOrganizationDto, { name: ' Gran kommune ', kind: 'municipality', code: '3446', country: 'NO' })).toEqual(
      [],
    );
  });

  it('trims the name before checking it', async () => {
    const dto = plainToInstance(CreateOrganizationDto, { name: '  Lunner kommune  ', kind: 'municipality', country: 'NO' });
    expect(dto.name).toBe('Lunner kommune');
    expect(await problems(CreateOrganizationDto, { name: '   ', kind: 'municipality', country: 'NO' })).toContain('name must not be empty');
  });

  it('says which kinds and countries exist', async () => {
    const found = await problems(CreateOrganizationDto, { name: 'X', kind: 'kingdom', country: 'DE' });
    expect(found).toContain('kind must be one of: municipality, state_agency, county, academia, other');
    expect(found).toContain('country must be one of: NO, DK, SE, FI, IS');
  });
});

describe('CreateUserDto', () => {
  const valid = {
    email: 'Ny@Gran.Kommune.no',
    name: 'Ny',
    role: 'staff',
    organizationId: '6f1c8a52-5e0b-4a3e-9d7c-1a2b3c4d5e6f',
    password: 'long-enough-password',
  };

  it('lower-cases the email', () => {
    expect(plainToInstance(CreateUserDto, valid).email).toBe('ny@gran.kommune.no');
  });

  it('asks for a password of at least 12 characters', async () => {
    expect(await problems(CreateUserDto, { ...valid, password: 'short' })).toContain('password must be at least 12 characters');
  });

  it('refuses an unknown role', async () => {
    expect(await problems(CreateUserDto, { ...valid, role: 'mayor' })).toContain('role must be one of: staff, leader, politician, admin');
  });
});

describe('LoginDto', () => {
  it('refuses unknown fields', async () => {
    expect(await problems(LoginDto, { email: 'a@b.no', password: 'x', remember: true })).toContain('property remember should not exist');
  });
});
