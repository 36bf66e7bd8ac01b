import { stemmer } from 'stemmer';
console.log(['appalling','appal','infrastructure','blinken','ottawa'].map(w=>stemmer(w)));
