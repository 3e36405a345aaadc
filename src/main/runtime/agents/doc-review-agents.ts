// Seed 000's document review pipeline: coordinator, four specialists and the aggregator.
import {
  AGGREGATOR_GROUP,
  COORDINATOR_GROUP,
  DOC_SUMMARY,
  DOC_TASKS,
  docReviewStream,
  docSuggestionsStream,
  reviewTypes,
  specialistGroup,
  type ReviewType,
} from '@shared/keys'
import { FlatAgent, type FlatOutput } from '../core/flat-agent'
import type { ReceivedEntry } from '../reader/stream-entry'

/** Approximate cap of doc.review.summary, which no group reads. */
export const SUMMARY_MAXLEN = 100_000

/** Step B: reads doc.review.tasks and fans each task out to the four specialists. */
export class CoordinatorAgent extends FlatAgent {
  readonly inputs = [DOC_TASKS]
  readonly group = COORDINATOR_GROUP
  protected override readonly requiredFields = ['doc_id', 'chunk_id', 'text']

  processFields(entry: ReceivedEntry): FlatOutput[] {
    return reviewTypes.map((type) => ({ stream: docReviewStream(type), fields: { ...entry.fields, task_type: type } }))
  }
}

/** Step C: one specialist per review type, doc.review.{type} → doc.suggestions.{type}. */
export class SpecialistAgent extends FlatAgent {
  readonly inputs: string[]
  readonly group: string
  protected override readonly requiredFields = ['doc_id', 'chunk_id', 'text']

  constructor(readonly specialty: ReviewType) {
    super(specialty)
    this.inputs = [docReviewStream(specialty)]
    this.group = specialistGroup(specialty)
  }

  processFields(entry: ReceivedEntry): FlatOutput[] {
    const data = entry.fields
    return [
      {
        stream: docSuggestionsStream(this.specialty),
        fields: {
          doc_id: data.doc_id ?? '',
          chunk_id: data.chunk_id ?? '',
          suggested_text: `${data.text ?? ''}\n[AI: ${this.specialty.toUpperCase()} DONE]`,
          source_agent: this.agentId,
          type: this.specialty,
        },
      },
    ]
  }
}

/** Step D: reads the four suggestion streams and writes doc.review.summary. */
export class AggregatorAgent extends FlatAgent {
  readonly inputs = reviewTypes.map(docSuggestionsStream)
  readonly group = AGGREGATOR_GROUP

  processFields(entry: ReceivedEntry): FlatOutput[] {
    return [
      {
        stream: DOC_SUMMARY,
        maxLen: SUMMARY_MAXLEN,
        fields: {
          type: 'final_suggestion',
          original_stream: entry.stream,
          data: JSON.stringify(entry.fields),
          processed_at: String(Date.now() / 1000),
        },
      },
    ]
  }
}
