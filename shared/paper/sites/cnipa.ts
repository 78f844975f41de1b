import type { Paper } from '../../schemas/paper.js';
import { assembledPaper } from '../assemble.js';
import { authorsFromNames } from '../authors.js';
import { isoDate, labelledRows, rowValue, splitList } from './dom.js';
import type { SiteAdapter } from './site.js';

const CNIPA_HOST = /(?:^|\.)cnipa\.gov\.cn$/i;

/**
 * The CNIPA patent search system's detail pages (`pss-system.cponline.cnipa.gov.cn/…/detail?…`) as a
 * patent clip, read from the labelled `.basic-con` rows: 发明名称 (title), 摘要, 申请号, 申请日,
 * 公开（公告）号 and 公开（公告）日, 申请（专利权）人 (applicants) and 发明人 (inventors, the authors).
 * Labels are matched in Chinese and in the English interface's wording.
 */
export const cnipa: SiteAdapter = {
  name: 'CNIPA',
  matches: (url) => CNIPA_HOST.test(url.hostname) && /detail/i.test(url.pathname + url.search),
  extract: cnipaPatent,
};

function cnipaPatent(document: Document, url: URL): Paper | null {
  const rows = labelledRows(document, '.basic-con');
  const title = rowValue(rows, /^(?:发明名称|InventionTitle|Nameoftheinvention)/i);
  const number = rowValue(rows, /^(?:公开[（(]公告[)）]号|公开号|公告号|PublicNoticeNo|PublicationNo)/i).split(/\s/)[0] ?? '';
  if (!title || !number) return null;
  const publicationDate = isoDate(rowValue(rows, /^(?:公开[（(]公告[)）]日|公开日|公告日|PublicationDate)/i));
  return assembledPaper(url.href, {
    kind: 'patent',
    title,
    authors: authorsFromNames(splitList(rowValue(rows, /^(?:发明人|设计人|Inventor)/i))),
    year: publicationDate ? Number(publicationDate.slice(0, 4)) : null,
    abstract: rowValue(rows, /^(?:摘要|Abstract)$/i) || null,
    patent: {
      number,
      applicationNumber: rowValue(rows, /^(?:申请号|ApplicationNo)/i) || null,
      applicants: splitList(rowValue(rows, /^(?:申请[（(]专利权[)）]人|申请人|专利权人|Applicant)/i)),
      filingDate: isoDate(rowValue(rows, /^(?:申请日|ApplicationDate)/i)),
      publicationDate,
    },
  });
}
