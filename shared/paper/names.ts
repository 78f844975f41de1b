import type { Author } from '../schemas/paper.js';
import { CHINESE_COMPOUND_SURNAMES, isPinyinWord, pinyinSurnameRank, plainPinyin, surnamePinyin } from './chinese-surnames.js';
import { collapsedText, withEntitiesDecoded } from './text.js';

/** Personal names as pages write them, split into given and family names (Western, pinyin and CJK forms). */

const ET_AL = /^(?:et\.?\s*al\.?|and others|others|等|等人)$/i;
const CORPORATE_WORDS = [
  'collaboration', 'consortium', 'group', 'team', 'committee', 'council', 'association', 'society', 'organisation',
  'organization', 'institute', 'university', 'network', 'initiative', 'investigators',
];
const CORPORATE_NAME = new RegExp(`\\b(?:${CORPORATE_WORDS.join('|')})\\b`, 'i');
const HONORIFIC = /^(?:(?:dr|prof|professor|mr|mrs|ms|sir)\.?\s+)+(?=\S+\s)/i;
const ORCID = /(?:https?:\/\/orcid\.org\/)?\b\d{4}-\d{4}-\d{4}-\d{3}[\dX]\b/gi;
const EMAIL = /\S+@\S+\.\S+/g;
const DEGREES = /(?:(?:,\s*|\s+)(?:ph\.?\s?d|m\.\s?d|d\.?\s?phil)\.?)+$/i;
const NAME_SUFFIX = /^(?:jr|sr|jnr|snr|ii|iii|iv|2nd|3rd)\.?$/i;
const FAMILY_PARTICLES = new Set([
  'van', 'von', 'vom', 'zu', 'zum', 'de', 'del', 'della', 'dello', 'delle', 'dei', 'degli', 'der', 'den', 'des',
  'di', 'da', 'das', 'dos', 'du', 'ten', 'ter', 'al', 'el', 'bin', 'ibn',
]);

/**
 * An author from a name as pages write it: "Last, First", "First Last", "First M. Last", PubMed's
 * "Last FM", with family particles ("Ludwig van Beethoven" → family "van Beethoven") and suffixes ("Jr.",
 * "III", kept with the family name so "given family" still reads right); CJK names; organisations
 * ("ATLAS Collaboration") whole as the family name; affiliation marks, roles in parentheses, ORCIDs,
 * e-mail addresses, honorifics and degrees removed. Null for an empty name or "et al.".
 *
 * Chinese names in pinyin: a surname set in capitals marks the family name wherever it stands ("ZHANG
 * Wei", "Wei LI" — a capitalised pinyin surname after a pinyin given name is the surname, not PubMed
 * initials, which "Li W" and "Smith JA" still are); a two-word name of pinyin words with a known surname
 * among them takes the surname as the family name whichever order it is written in ("Zhang Wei", "Wei
 * Zhang", "Ouyang Xiu"), the commoner surname when both words are surnames.
 */
export function authorFromName(raw: string): Author | null {
  const name = cleanedName(raw);
  if (!name || !/\p{L}/u.test(name) || ET_AL.test(name)) return null;
  const cjk = cjkAuthor(name);
  if (cjk) return cjk;
  if (CORPORATE_NAME.test(name)) return { given: '', family: name };
  const author = name.includes(',') ? invertedAuthor(name) : naturalOrderAuthor(name);
  return author.given || author.family ? withConventionalCase(author) : null;
}

function cleanedName(raw: string): string {
  return collapsedText(withEntitiesDecoded(raw).replace(ORCID, ' ').replace(EMAIL, ' '))
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/^[\s*†‡§¶#,;:]+/u, '')
    .replace(/[\s\d*†‡§¶#,;:]+$/u, '')
    .replace(HONORIFIC, '')
    .replace(DEGREES, '')
    .trim();
}

/** Whether `word` is a generational suffix (Jr., III) that belongs with the family name. */
export function isSuffix(word: string): boolean {
  return NAME_SUFFIX.test(word.trim());
}

function invertedAuthor(name: string): Author {
  const parts = name
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const [first = '', ...rest] = parts;
  if (rest.length === 0) return naturalOrderAuthor(first);
  if (rest.length === 1 && isSuffix(rest[0] ?? '')) return withFamilySuffix(naturalOrderAuthor(first), rest[0] ?? '');
  const givenWords = rest.filter((part) => !isSuffix(part)).join(' ').split(' ');
  const suffixes = [...rest.filter(isSuffix), ...givenWords.filter(isSuffix)];
  return {
    given: givenWords.filter((word) => !isSuffix(word)).join(' '),
    family: [first, ...suffixes].join(' '),
  };
}

function naturalOrderAuthor(name: string): Author {
  const words = name.split(' ');
  const last = words[words.length - 1] ?? '';
  const suffix = words.length > 2 && isSuffix(last) ? words.pop() : undefined;
  const author =
    words.length === 1
      ? { given: '', family: words[0] ?? '' }
      : isCapitalizedSurnameFirst(words)
        ? { given: words.slice(1).join(' '), family: words[0] ?? '' }
        : isCapitalizedPinyinSurnameLast(words)
          ? { given: words.slice(0, -1).join(' '), family: last }
          : endsWithInitials(words)
            ? { given: last, family: words.slice(0, -1).join(' ') }
            : (pinyinAuthor(words) ?? splitAtFamilyName(words));
  return suffix ? withFamilySuffix(author, suffix) : author;
}

/** "ZHANG Wei", "OUYANG Na-na": the East Asian convention of a leading surname set in capitals. */
function isCapitalizedSurnameFirst(words: string[]): boolean {
  const first = words[0] ?? '';
  return /^[\p{Lu}'’-]{2,}$/u.test(first) && words.slice(1).some((word) => /\p{Ll}/u.test(word));
}

/** "Wei LI", "Xiao-Ming WANG": pinyin given names, then a known surname in capitals. */
function isCapitalizedPinyinSurnameLast(words: string[]): boolean {
  const last = words[words.length - 1] ?? '';
  const given = words.slice(0, -1);
  return (
    /^\p{Lu}{2,}$/u.test(last) &&
    pinyinSurnameRank(last) !== null &&
    given.every((word) => isPinyinWord(word) && /\p{Ll}/u.test(word))
  );
}

/**
 * A two-word pinyin name split at its surname, which Chinese pages write first and English pages last:
 * the word that is a known surname, the commoner one (a compound surname above all) when both are. Null
 * when the name is not pinyin or neither word is a surname.
 */
function pinyinAuthor(words: string[]): Author | null {
  const [first = '', second = ''] = words;
  if (words.length !== 2 || !isPinyinWord(first) || !isPinyinWord(second)) return null;
  const firstRank = pinyinSurnameRank(first);
  const secondRank = pinyinSurnameRank(second);
  if (firstRank === null && secondRank === null) return null;
  const surnameFirst = secondRank === null || (firstRank !== null && firstRank <= secondRank);
  return surnameFirst ? { given: second, family: first } : { given: first, family: second };
}

/** "Smith JA", "van der Berg J": PubMed's (Vancouver) surname followed by up to three bare initials. */
function endsWithInitials(words: string[]): boolean {
  const last = words[words.length - 1] ?? '';
  return /^\p{Lu}{1,3}$/u.test(last) && !isSuffix(last) && words.slice(0, -1).some((word) => /\p{Ll}/u.test(word));
}

function splitAtFamilyName(words: string[]): Author {
  let start = words.length - 1;
  for (let index = 1; index < words.length - 1; index++) {
    if (FAMILY_PARTICLES.has((words[index] ?? '').toLowerCase())) {
      start = index;
      break;
    }
  }
  return { given: words.slice(0, start).join(' '), family: words.slice(start).join(' ') };
}

function withFamilySuffix(author: Author, suffix: string): Author {
  return { given: author.given, family: `${author.family} ${suffix}`.trim() };
}

/**
 * Names typed in capitals are title-cased ("SMITH, JOHN" → John Smith); a surname alone in capitals in an
 * otherwise mixed-case name ("ZHANG Wei", "Jean DUPONT") is the convention that marks the surname, and is
 * title-cased too. Any other mixed-case name is kept exactly as written ("McDonald", "van der Berg").
 */
export function withConventionalCase(author: Author): Author {
  const givenHasLower = /\p{Ll}/u.test(author.given);
  if (!isCapitals(author.family)) return author;
  return { given: givenHasLower ? author.given : titleCased(author.given), family: titleCased(author.family) };
}

function isCapitals(text: string): boolean {
  return (text.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && !/\p{Ll}/u.test(text);
}

function titleCased(text: string): string {
  const wordStart = /(^|[^\p{L}])(\p{L})/gu;
  return text.toLowerCase().replace(wordStart, (_match, before: string, first: string) => before + first.toUpperCase());
}

/** A name written wholly in Chinese, Japanese or Korean script (spaces and name dots allowed). */
export const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー·・•‧ ]+$/u;
const HAN_ONLY = /^\p{Script=Han}+$/u;
const HANGUL_ONLY = /^\p{Script=Hangul}+$/u;
const KOREAN_COMPOUND_SURNAMES = new Set(['남궁', '황보', '제갈', '선우', '독고', '사공', '서문', '동방']);

/**
 * A name in CJK script. Spaced ("山田 太郎") is family first; dotted ("列夫·托尔斯泰", a transliterated
 * foreign name) is given·family; unspaced Chinese or Korean takes the surname from the front (one
 * character, or two for a known compound surname when the name is long enough to have a given name).
 * Unspaced names mixing kana cannot be split and are kept whole as the family name.
 */
function cjkAuthor(name: string): Author | null {
  if (!CJK_NAME.test(name)) return null;
  const dotted = name.split(/\s*[·・•‧]\s*/).filter((part) => part !== '');
  if (dotted.length > 1) return { given: dotted.slice(0, -1).join('·'), family: dotted[dotted.length - 1] ?? '' };
  const [family = '', ...given] = name.split(' ');
  if (given.length > 0) return { given: given.join(''), family };
  const characters = [...name];
  const compounds = HAN_ONLY.test(name)
    ? CHINESE_COMPOUND_SURNAMES
    : HANGUL_ONLY.test(name)
      ? KOREAN_COMPOUND_SURNAMES
      : null;
  if (!compounds) return { given: '', family: name };
  const surnameLength = characters.length >= 3 && compounds.has(characters.slice(0, 2).join('')) ? 2 : 1;
  return { given: characters.slice(surnameLength).join(''), family: characters.slice(0, surnameLength).join('') };
}

/**
 * `author` (a name in Chinese script) with `latinName`, its pinyin as the page gives it, added as `latin`.
 * The pinyin is split where the Chinese surname's reading falls ("Zhang Wei" and "Wei ZHANG" beside 张伟
 * both give family Zhang), else by the ordinary rules. `author` unchanged when `latinName` is no name or
 * `author` is not in CJK script.
 */
export function withLatinName(author: Author, latinName: string): Author {
  if (!CJK_NAME.test(`${author.family}${author.given}`)) return author;
  const latin = latinAuthor(cleanedName(latinName), surnamePinyin(author.family));
  return latin ? { ...author, latin } : author;
}

function latinAuthor(name: string, surname: string | null): Author | null {
  if (!name || !/\p{L}/u.test(name) || CJK_NAME.test(name)) return null;
  const words = name.replace(/,/g, ' ').split(' ').filter((word) => word !== '');
  const at = surname === null ? -1 : words.findIndex((word) => plainPinyin(word) === surname);
  if (at === 0 || (at > 0 && at === words.length - 1)) {
    const given = words.filter((_word, index) => index !== at).join(' ');
    return withConventionalCase({ given, family: words[at] ?? '' });
  }
  return authorFromName(name);
}
