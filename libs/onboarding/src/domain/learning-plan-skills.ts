/**
 * What a learner trains for each situation and partner: the teaching content behind the learning
 * plan. Situations added to the catalog later without an entry here get the generic skills.
 */
export const SITUATION_SKILLS: Readonly<Record<string, { phrase: string; skills: string[] }>> = {
  interviews: {
    phrase: 'in interviews',
    skills: [
      'asking and answering competency questions',
      'describing experience with examples',
      'follow-up questions',
    ],
  },
  conflict_resolution: {
    phrase: 'when resolving conflicts',
    skills: ['acknowledging concerns neutrally', 'disagreeing politely', 'proposing compromises'],
  },
  phone_calls: {
    phrase: 'on phone calls',
    skills: [
      'opening and closing calls',
      'checking understanding and spelling details',
      'leaving clear messages',
    ],
  },
  one_on_ones: {
    phrase: 'in one-on-ones',
    skills: ['asking open questions', 'giving and receiving updates', 'agreeing next steps'],
  },
  feedback_sessions: {
    phrase: 'in feedback sessions',
    skills: ['giving constructive feedback', 'softening criticism', 'responding to feedback professionally'],
  },
  team_discussions: {
    phrase: 'in team discussions',
    skills: ['sharing opinions', 'building on ideas and interrupting politely', 'summarising decisions'],
  },
  negotiations: {
    phrase: 'in negotiations',
    skills: ['making and countering offers', 'conditional language for trade-offs', 'summarising agreements'],
  },
  status_updates: {
    phrase: 'when giving status updates',
    skills: [
      'reporting progress concisely',
      'explaining delays and risks',
      'stating next steps and deadlines',
    ],
  },
  informal_chats: {
    phrase: 'in informal chats',
    skills: [
      'small talk openers',
      'showing interest and keeping a conversation going',
      'natural everyday phrasing',
    ],
  },
  briefings: {
    phrase: 'in briefings',
    skills: ['structuring key points', 'giving clear instructions', 'checking that the audience understood'],
  },
  meetings: {
    phrase: 'in meetings',
    skills: [
      'contributing and asking for clarification',
      'agreeing and disagreeing',
      'confirming action items',
    ],
  },
  presentations: {
    phrase: 'in presentations',
    skills: ['signposting a talk', 'describing figures and trends', 'handling questions from the audience'],
  },
  training_sessions: {
    phrase: 'in training sessions',
    skills: ['explaining procedures step by step', 'checking understanding', 'encouraging questions'],
  },
  client_conversations: {
    phrase: 'in client conversations',
    skills: [
      'understanding needs with questions',
      'explaining products and terms simply',
      'handling objections',
    ],
  },
  video_conferences: {
    phrase: 'in video conferences',
    skills: [
      'managing turn-taking online',
      'dealing with technical interruptions',
      'summarising at the end of a call',
    ],
  },
};

export const GENERIC_SITUATION_SKILLS = [
  'key vocabulary for the situation',
  'clear structure and polite phrasing',
  'asking clarifying questions',
];

/** The register and focus each audience needs. */
export const PARTNER_FOCUS: Readonly<Record<string, string>> = {
  clients: 'a courteous, client-focused tone',
  senior_management: 'concise, formal communication for senior leaders',
  suppliers: 'firm but cooperative language with suppliers',
  customers: 'friendly, service-minded language',
  colleagues: 'collaborative, everyday workplace English',
  stakeholders: 'clear updates tailored to each stakeholder',
  partners: 'diplomatic language for long-term partnerships',
};

export const GENERIC_PARTNER_FOCUS = 'a tone that suits the audience';

/** What practice stresses at each proficiency level. */
export const PROFICIENCY_FOCUS: Readonly<Record<string, string>> = {
  beginner: 'core phrases and clear pronunciation',
  elementary: 'core phrases and simple sentences',
  intermediate: 'fluency with common expressions',
  upper_intermediate: 'natural phrasing and precision',
  advanced: 'nuance, tone and persuasion',
};
