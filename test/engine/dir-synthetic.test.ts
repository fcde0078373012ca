// Synthetic directories (src/engine/directory/synthetic.ts): the generator's outputs against values from an
// independent implementation of mulberry32 (a Python transcription of the published algorithm), and which centre
// a draw falls to when it lands exactly on a centre's cumulative weight.
import { expect } from 'chai';
import { mulberry32, syntheticIncubators } from '../../src/engine/directory/synthetic.js';

describe('synthetic directories', () => {
  it('mulberry32 gives the published sequence (first outputs × 2^32 from the Python transcription)', () => {
    const g = mulberry32(2025);
    expect([g(), g(), g(), g()].map((x) => x * 2 ** 32)).to.deep.equal([1827426074, 2636858733, 885439033, 748743982]);
    const h = mulberry32(7);
    expect([h(), h()].map((x) => x * 2 ** 32)).to.deep.equal([50271532, 266108690]);
  });

  it('a draw exactly on a centre\'s cumulative weight belongs to that centre; a share one part in 2^32 smaller leaves it to the next', () => {
    // Seed 2025 draws 1827426074 / 2^32 first: with weights u and 2^32 - u the first centre's share is exactly it.
    const centers = (u: number) => [{ adcode: '110000', lon: 100, lat: 30, weight: u }, { adcode: '120000', lon: 120, lat: 40, weight: 2 ** 32 - u }];
    expect(syntheticIncubators(1, centers(1827426074), 2025)[0]!.adcode).to.equal('110000');
    expect(syntheticIncubators(1, centers(1827426073), 2025)[0]!.adcode).to.equal('120000');
    expect(syntheticIncubators(1, centers(1827426075), 2025)[0]!.adcode).to.equal('110000');
  });

  it('fills every field in its range, the same for the same seed', () => {
    const centers = [{ adcode: '440300', lon: 114, lat: 22.5, weight: 3 }, { adcode: '110000', lon: 116.4, lat: 39.9, weight: 1 }];
    const items = syntheticIncubators(300, centers, 9);
    expect(items).to.have.length(300);
    expect(syntheticIncubators(300, centers, 9)).to.deep.equal(items);
    items.forEach((it, i) => {
      expect(it.id).to.equal(`synthetic-${i + 1}`);
      expect(it.name).to.deep.equal({ 'zh-CN': `示例孵化载体 ${i + 1}`, 'zh-TW': `示例孵化載體 ${i + 1}`, en: `Sample incubator ${i + 1}` });
      expect(it.founded).to.be.within(1995, 2025);
      expect(it.industries.length).to.be.at.least(1);
      expect(Math.round(it.lon * 1e5) / 1e5).to.equal(it.lon);
      expect(['440300', '110000']).to.include(it.adcode);
    });
    const share = items.filter((it) => it.adcode === '440300').length / 300;
    expect(share).to.be.within(0.65, 0.85);
  });
});
