export { extractPaper } from './paper/extract-paper.js';
