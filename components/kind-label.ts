import type { EntityKind } from '@/lib/fact-index/schema';

export const KIND_LABEL: Readonly<Record<EntityKind, string>> = {
  person: 'Person',
  place: 'Place',
  organisation: 'Organisation',
  term: 'Term',
};
