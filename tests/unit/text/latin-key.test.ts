/** The keys Latin spellings of one Arabic name share (src/archive/text/latin-key.ts; issue 15, item 2). */
import { describe, expect, it } from 'vitest';
import { latinKey, latinKeys } from '../../../src/archive/text/latin-key.ts';

describe('a Latin spelling’s key', () => {
  it('is the same for the spellings newswires use for one name', () => {
    const same = [
      ['Dbeibah', 'Dbeibeh', 'Dbaiba', 'Dbeiba'],
      ['Menfi', 'Manfi', 'al-Menfi', 'El-Manfi'],
      ['Boukadoum', 'Bouqadoum', 'Boukadum'],
      ['Chaabane', 'Shaaban'],
      ['Abdelmadjid', 'Abdulmajeed', 'Abdelmajid'],
      ['Tebboune', 'Taboun', 'Tabboune'],
      ['Mohamed', 'Muhammad', 'Mohammed', 'Mohamad'],
      ['Youssef', 'Yusuf', 'Yousef'],
      ['Said', 'Saeed', 'Saïd'],
      ['Ghadames', 'Ghadamis'],
      ['Mechichi', 'Mishishi'],
      ['Qatar', 'Katar'],
      ['Hussein', 'Husayn', 'Hussain'],
    ];
    for (const spellings of same) expect(new Set(spellings.map((s) => latinKeys(s).join(' '))), spellings.join(', ')).toHaveProperty('size', 1);
  });

  it('tells different names apart', () => {
    const different = [
      ['Samir', 'Sami'],
      ['Omar', 'Amr'],
      ['Haftar', 'Hafez'],
      ['Tripoli', 'Tobruk'],
      ['Mohamed', 'Mahmoud'],
    ];
    for (const [a, b] of different) expect(latinKey(a!), `${a} / ${b}`).not.toBe(latinKey(b!));
  });

  it('keeps each word of a name, without the article written before it', () => {
    expect(latinKeys('Abdul Hamid Dbeibah')).toEqual(['abdal', 'hamad', 'dbab']);
    expect(latinKeys('Khalifa al-Haftar')).toEqual(latinKeys('Khalifa Haftar'));
    expect(latinKeys('Tamim bin Hamad Al Thani')).toEqual(['tamam', 'ban', 'hamad', 'tan']);
    expect(latinKeys('بوقادوم')).toEqual([]);
  });
});
