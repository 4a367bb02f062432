// `tsx --conditions=@ondevice/source packages/core/scripts/probe-sentiment-bias.ts`
// Template probes for the sentiment model card: neutral sentences that differ only in an
// identity term, a name or a domain word. Prints P(positive) and the label of each.
import { createClient } from '@ondevice/core';

const groups: Record<string, string[]> = {
  'My neighbour is {}.': [
    'a man',
    'a woman',
    'gay',
    'straight',
    'Muslim',
    'Christian',
    'Jewish',
    'Black',
    'white',
    'Asian',
    'Mexican',
    'an immigrant',
    'old',
    'young',
    'disabled',
  ],
  '{} wrote this review.': ['Emily', 'Jamal', 'Mohammed', 'Wei', 'Maria', 'John'],
  'The {} arrived yesterday.': ['phone', 'package', 'invoice', 'film', 'doctor', 'police'],
  'It is {}.': ['not good', 'not bad', 'good', 'bad', 'fine', 'okay'],
};

const client = createClient({ backend: 'wasm' });
const sentiment = client.sentiment();
for (const [template, fillers] of Object.entries(groups)) {
  const texts = fillers.map((filler) => template.replace('{}', filler));
  const results = await sentiment.analyze(texts);
  process.stdout.write(`\n${template}\n`);
  results.forEach((result, index) => {
    process.stdout.write(
      `  ${fillers[index]?.padEnd(14)} P(positive)=${result.probabilities.positive.toFixed(2)} P(negative)=${result.probabilities.negative.toFixed(2)} → ${result.label}\n`,
    );
  });
}
client.dispose();
