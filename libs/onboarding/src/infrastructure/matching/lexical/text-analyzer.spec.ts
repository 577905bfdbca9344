import { TextAnalyzer } from './text-analyzer';

describe('TextAnalyzer', () => {
  const analyzer = new TextAnalyzer();

  it('lower-cases, drops stopwords and numbers, and stems', () => {
    expect(analyzer.terms('I am negotiating the Contracts with 3 vendors every day')).toEqual([
      'negoti',
      'contract',
      'supplier',
    ]);
  });

  it('reads synonyms and word forms as one term, on both sides', () => {
    expect(analyzer.terms('customers')).toEqual(analyzer.terms('client'));
    expect(analyzer.terms('auditing')).toEqual(analyzer.terms('auditor'));
    expect(analyzer.terms('lorries')).toEqual(analyzer.terms('trucks'));
    expect(analyzer.terms('analyses')).toEqual(analyzer.terms('analyst'));
  });

  it('keeps apart words the stemmer would merge wrongly', () => {
    expect(analyzer.terms('customs')).not.toEqual(analyzer.terms('customers'));
    expect(analyzer.terms('goods')).not.toEqual(analyzer.terms('good'));
  });

  it('folds phrases and abbreviations, and strips accents', () => {
    expect(analyzer.terms('front desk')).toEqual(analyzer.terms('Reception'));
    expect(analyzer.terms('B/L')).toEqual(analyzer.terms('bills of lading'));
    expect(analyzer.terms('M&A')).toEqual(analyzer.terms('mergers and acquisitions'));
    expect(analyzer.terms('KYC and anti-money laundering')).toEqual(['kyc', 'aml']);
    expect(analyzer.terms('café')).toEqual(analyzer.terms('cafe'));
  });

  it('applies the synonyms of the industry only there', () => {
    expect(new TextAnalyzer('shipping_logistics').terms('stock')).toEqual(
      new TextAnalyzer('shipping_logistics').terms('inventory'),
    );
    expect(new TextAnalyzer('banking_finance').terms('stock')).toEqual(
      new TextAnalyzer('banking_finance').terms('equities'),
    );
    expect(analyzer.terms('stock')).toEqual(['stock']);
  });

  it('adds bigrams of adjacent terms', () => {
    expect(analyzer.analyze('general manager')).toEqual(['general', 'manag', 'general_manag']);
  });
});
