import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Spread } from '@samspill/contracts';
import { SpreadService } from './spread.service';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller('dashboard')
export class SpreadController {
  constructor(private readonly spread: SpreadService) {}

  /** How far practices travel: practices shared, adoptions, organisations and countries reached, who gave and who took. */
  @Get('spread')
  figures(): Promise<Spread> {
    return this.spread.figures();
  }
}
