import { describe, expect, it } from 'vitest';
import { provenanceNote, sourceLabel, viaOf } from '../../src/domain/provenance.ts';

describe('a figure’s source and whoever carried it', () => {
  it('quotes the producer and table in the reader’s language', () => {
    const meta = { sourceLabel: 'CSP, Publiskās bibliotēkas', sourceLabelEn: 'CSP, Public libraries' };
    expect(sourceLabel(meta, 'lv')).toBe('CSP, Publiskās bibliotēkas');
    expect(sourceLabel(meta, 'en')).toBe('CSP, Public libraries');
    expect(sourceLabel({ sourceLabel: 'CSP IRD041' }, 'en')).toBe('CSP IRD041');
  });

  it('names a processing repository, a mirror or a press report only as “via”, never by its file path', () => {
    const repo = 'github:advaitsridhar/DemographicMap/data/processed/latvia_territorial.json@0a4ac29ab0700992e51827787e21e38649871460 (processed from CSP IRD041 + IRE031, https://data.stat.gov.lv/pxweb/en/OSP_PUB/START__POP__IR__IRD/IRD041/)';
    expect(viaOf(repo)).toEqual({ text: 'GitHub advaitsridhar/DemographicMap (processed from CSP IRD041 + IRE031, https://data.stat.gov.lv/pxweb/en/OSP_PUB/START__POP__IR__IRD/IRD041/)', url: 'https://github.com/advaitsridhar/DemographicMap' });
    expect(provenanceNote(repo, 'en')).toMatch(/^via GitHub advaitsridhar\/DemographicMap \(processed from/);
    expect(provenanceNote(repo, 'en')).not.toContain('latvia_territorial.json@');
    expect(provenanceNote('https://eng.lsm.lv/article/economy/x/ (CSB release 28.12.2023)', 'lv')).toBe('ar starpnieku eng.lsm.lv (CSB release 28.12.2023)');
  });

  it('leaves a file of the producer itself as it is', () => {
    expect(provenanceNote('https://data.stat.gov.lv/pxweb/lv/OSP_PUB/START__POP__IR__IRD/IRD041/ (export)', 'en')).toBe('data.stat.gov.lv (export)');
    expect(provenanceNote('https://likumi.lv/ta/id/341104', 'en')).toBe('likumi.lv');
  });
});
