/** Where a word stands in an offer, as bits: postings keep them, and a hit says them per term. */
export const FIELD = { name: 1, summary: 2, label: 4, description: 8 } as const;

/**
 * How much a word counts by where it stands: the name most, then summary and taxonomy labels, then the rest
 * of the description. A term's score in an offer is its best word's weight times how well the term found
 * the word (MATCH_QUALITY); an offer's score is the sum over the terms.
 */
export const FIELD_WEIGHT = { name: 1, summary: 0.4, label: 0.4, description: 0.1 } as const;

/** The weight of a word by its field bits: that of the best field it stands in. */
export const WEIGHT_OF_FIELDS = Float64Array.from({ length: 16 }, (_, bits) =>
  bits & FIELD.name
    ? FIELD_WEIGHT.name
    : bits & FIELD.summary
      ? FIELD_WEIGHT.summary
      : bits & FIELD.label
        ? FIELD_WEIGHT.label
        : FIELD_WEIGHT.description,
);
