/** A deal value in the reader's language: "SEK 250,000.00" in English, "250 000,00 kr" in Swedish. */
export function formatMoney(value: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language === 'sv' ? 'sv-SE' : 'en-GB', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(value);
  } catch {
    return `${value} ${currency}`;
  }
}
