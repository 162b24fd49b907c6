/** One invented sentence per extraction rule of the linguistic layer: lists, event frames and their splitting. */
import { fromText } from './helpers';

const byName = (g: ReturnType<typeof fromText>, name: string) => g.officials.find((o) => o.name === name);

describe('official.listed: people listed after a plural title', () => {
  test('country before each name ("of Peru, A; of Chad, B")', () => {
    const g = fromText(
      'President Amara Keita received the credentials of the new ambassadors of Peru, Lucia Ramos; of Chad, Idriss Mahamat; and of Norway, Kari Holm, who will reside in Dakar.',
    );
    expect(byName(g, 'Lucia Ramos')).toMatchObject({ country: 'PE', title: 'Ambassador', extraction: { rule: 'official.listed' } });
    expect(byName(g, 'Idriss Mahamat')?.country).toBe('TD');
    expect(byName(g, 'Kari Holm')?.country).toBe('NO');
  });

  test('country after each name ("A of Peru, B of Chad")', () => {
    const g = fromText('The King accepted the letters of credence of the envoys Tomas Berg of Sweden, Ana Duarte of Portugal and Kenji Mori of Japan.');
    expect(g.officials.map((o) => [o.name, o.country])).toEqual([
      ['Tomas Berg', 'SE'],
      ['Ana Duarte', 'PT'],
      ['Kenji Mori', 'JP'],
    ]);
  });

  test('a plural noun that is no title lists nobody', () => {
    const g = fromText('The students of Peru, Lucia Ramos and Idriss Mahamat, said the visit went well.');
    expect(g.officials).toEqual([]);
  });
});
