import { Module } from '@nestjs/common';
import { SpreadController } from './spread.controller';
import { SpreadService } from './spread.service';

@Module({ controllers: [SpreadController], providers: [SpreadService] })
export class SpreadModule {}
