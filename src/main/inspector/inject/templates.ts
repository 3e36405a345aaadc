import type { InjectTemplate } from '@shared/api'
import { DOC_TASKS } from '@shared/keys'

/** Ready-made injections for the two pipelines the seeds describe. */
export const INJECT_TEMPLATES: readonly InjectTemplate[] = [
  {
    id: 'demo-hello',
    name: 'Demo: Hello, world!',
    description: 'Seed 001 demo: the manager sends it through uppercase and reverse, answer "!DLROW ,OLLEH".',
    envelope: { target: { kind: 'role', name: 'manager' }, payload: { text: 'Hello, world!', stage: 'start' } },
  },
  {
    id: 'seed-001-message-flow',
    name: 'Seed 001: Message Flow Example',
    description: 'The seed\'s example: an external task with payload {text, stage: start} to the manager role (XADD stream:role:manager).',
    envelope: {
      target: { kind: 'role', name: 'manager' },
      payload: { text: 'Hello, world!', stage: 'start' },
    },
  },
  {
    id: 'doc-review-chunk',
    name: 'Document review: one chunk',
    description: 'Seed 000: a raw chunk for the coordinator on doc.review.tasks (flat fields, no envelope).',
    raw: {
      stream: DOC_TASKS,
      fields: {
        doc_id: 'doc-1',
        chunk_id: 'doc-1:0',
        text: 'Their going to review this sentance, which are not very clear and rather long winded.',
      },
    },
  },
]
