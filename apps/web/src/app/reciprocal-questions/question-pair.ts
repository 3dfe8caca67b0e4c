import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import type { FocusAreaResponse } from '@samspill/contracts';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { type AnswerChange, AnswerItem } from './answer-item';
import type { PairView } from './questions-view';

/** One direction between two members: A's offers beside B's wishes, then what A proposes doing together. */
@Component({
  selector: 'sp-question-pair',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, AnswerItem],
  templateUrl: './question-pair.html',
  styleUrl: './question-pair.css',
})
export class QuestionPair {
  readonly pair = input.required<PairView>();
  readonly focusAreas = input.required<readonly FocusAreaResponse[]>();
  readonly canMakeProject = input(false);
  readonly changed = output<AnswerChange>();
}
