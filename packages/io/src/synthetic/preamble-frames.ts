/**
 * Sentence beginnings of the synthetic notebook dataset: `[prefix][determiner]<subject> <frame>`, e.g.
 * "Students were outraged over the administration's new" (the notebook's single-sentence view).
 * Each frame says which word families a language model would guess next, with weights.
 */
export interface PreambleFrame {
  /** The text after the subject. */
  readonly text: string;
  /** Word family name → relative weight of the family among the topical guesses. */
  readonly topics: Readonly<Record<string, number>>;
}

/** The notebook's single-sentence view; always part of the generated dataset. */
export const NOTEBOOK_SENTENCE = "Students were outraged over the administration's new";

export const SUBJECTS: readonly string[] = (
  'Students Parents Teachers Residents Workers Voters Employees Farmers Nurses Doctors Officials Critics Fans ' +
  'Investors Scientists Engineers Drivers Tenants Customers Neighbors Tourists Children Villagers Shoppers Reporters ' +
  'Players Musicians Soldiers Lawyers Volunteers Researchers Passengers Protesters Retirees Artists Chefs Merchants ' +
  'Coaches Librarians Pilots'
).split(' ');

export const PREFIXES: readonly string[] = [
  '', 'Yesterday, ', 'Last week, ', 'On Monday, ', 'According to the report, ', 'In the end, ', 'At first, ',
  'Later that day, ', 'Meanwhile, ', 'Every year, ', 'Back then, ', 'In the city, ',
];

/** Determiners before the subject (lowercased after a determiner or a prefix). */
export const DETERMINERS: readonly string[] = ['', 'Many ', 'Some ', 'The '];

export const FRAMES: readonly PreambleFrame[] = [
  { text: "were outraged over the administration's new", topics: { policy: 6, education: 1.5, money: 1 } },
  { text: 'complained about the rising', topics: { money: 5, policy: 1, weather: 0.5 } },
  { text: 'voted against the proposed', topics: { policy: 5, money: 1.5, law: 1 } },
  { text: 'were asked to pay a higher', topics: { money: 5, policy: 1 } },
  { text: 'said the weather today was', topics: { weather: 5, qualities: 1.5, emotions: 0.5 } },
  { text: 'ordered a large', topics: { food: 4, drinks: 3, qualities: 0.5 } },
  { text: 'sat down with a cup of', topics: { drinks: 6, food: 0.5 } },
  { text: 'cooked a big pot of', topics: { food: 6, drinks: 0.5 } },
  { text: 'walked slowly to the', topics: { places: 5, home: 1.5, nature: 1 } },
  { text: 'finally arrived in', topics: { geography: 6, time: 0.5 } },
  { text: 'decided to move to', topics: { geography: 5, places: 1 } },
  { text: 'painted the old fence', topics: { colours: 6, adverbs: 0.5 } },
  { text: 'said they felt very', topics: { emotions: 6, qualities: 1 } },
  { text: 'were surprisingly', topics: { emotions: 4, qualities: 2, adverbs: 1 } },
  { text: 'spotted a wild', topics: { animals: 6, nature: 0.5 } },
  { text: 'adopted a small', topics: { animals: 6, qualities: 0.5 } },
  { text: 'bought a brand new', topics: { vehicles: 3, technology: 3, clothing: 1.5, home: 0.5 } },
  { text: 'drove the old', topics: { vehicles: 6, colours: 1 } },
  { text: 'upgraded the company', topics: { technology: 6, policy: 0.5 } },
  { text: 'could not log into the', topics: { technology: 6 } },
  { text: 'wore a bright', topics: { clothing: 4, colours: 3 } },
  { text: 'spent the afternoon playing', topics: { sports: 5, music: 1.5 } },
  { text: 'watched the final', topics: { sports: 3, media: 2.5, time: 0.5 } },
  { text: 'listened to the new', topics: { music: 5, media: 2 } },
  { text: 'learned to play the', topics: { music: 5, sports: 2 } },
  { text: 'were diagnosed with', topics: { health: 6, numbers: 0.5 } },
  { text: 'complained of pain in the', topics: { body: 6, health: 1 } },
  { text: 'will meet again next', topics: { time: 6, numbers: 0.5 } },
  { text: 'have been waiting for', topics: { numbers: 3, time: 3, people: 0.5 } },
  { text: 'counted all the way to', topics: { numbers: 6 } },
  { text: 'went home to see their', topics: { people: 6, home: 0.5 } },
  { text: 'filed a complaint with the', topics: { jobs: 3, law: 2, places: 1 } },
  { text: 'were interviewed by the', topics: { jobs: 4, media: 2, law: 0.5 } },
  { text: 'were determined to', topics: { actions: 6, adverbs: 1 } },
  { text: 'refused to', topics: { actions: 6, policy: 0.5 } },
  { text: 'said that nobody', topics: { past: 6, adverbs: 1 } },
  { text: 'agreed that the plan', topics: { past: 3, qualities: 2, adverbs: 1.5 } },
  { text: 'thought the idea was', topics: { qualities: 5, emotions: 1 } },
  { text: 'hiked up the steep', topics: { nature: 6, qualities: 0.5 } },
  { text: 'camped beside the', topics: { nature: 6, places: 0.5 } },
  { text: 'cleaned every corner of the', topics: { home: 6, places: 1 } },
  { text: 'testified at the', topics: { law: 6, places: 1 } },
  { text: 'were charged with', topics: { law: 6, health: 0.3 } },
  { text: 'published a new', topics: { science: 3, media: 3 } },
  { text: 'studied the effects of', topics: { science: 5, health: 1.5, money: 0.5 } },
  { text: 'read about it in the', topics: { media: 6, time: 0.5 } },
  { text: 'stayed up late to finish the', topics: { education: 4, media: 2, food: 0.5 } },
  { text: 'had never seen anything like', topics: { function: 5, qualities: 1 } },
];
