/** @jsxImportSource hono/jsx */
import { formatMoney } from '../../shared/format.js';
import type { Award, Challenge } from '../../shared/schemas/challenge.js';
import type { Question } from '../../shared/schemas/question.js';
import { Countdown, FieldChips, profileLine, StatusBadge } from './components.js';
import { EvaluationPanel } from './evaluation-panel.js';
import { contentLanguage, formatDate, formatDateTime } from './format.js';
import { Layout } from './layout.js';
import type { BoardView } from './view.js';

function AwardPanel({ view, award }: { view: BoardView; award: Award }) {
  const { t } = view;
  return (
    <section class="panel award" aria-labelledby="award">
      <h2 id="award">{t.award.title}</h2>
      <dl class="grid-facts">
        <div>
          <dt>{t.award.winner}</dt>
          <dd>{profileLine(award.winner)}</dd>
        </div>
        <div>
          <dt>{t.award.amount}</dt>
          <dd>{formatMoney(award.amount, view.locale)}</dd>
        </div>
        <div>
          <dt>{t.award.date}</dt>
          <dd>
            <time datetime={award.awardedAt}>{formatDate(award.awardedAt, view.locale)}</time>
          </dd>
        </div>
      </dl>
      {award.note && (
        <p class="note" lang={contentLanguage(award.note)}>
          <span class="muted">{t.award.note}: </span>
          {award.note}
        </p>
      )}
    </section>
  );
}

function QuestionsAndAnswers({ view, questions }: { view: BoardView; questions: readonly Question[] }) {
  const { t } = view;
  return (
    <section aria-labelledby="qa">
      <h2 id="qa">{t.qa.title}</h2>
      {questions.length === 0 ? (
        <p class="muted">{t.qa.none}</p>
      ) : (
        <ol class="qa">
          {questions.map((q) => (
            <li class="panel">
              <p class="q" lang={contentLanguage(q.text)}>
                <span class="muted">{t.qa.question}: </span>
                <span class="prose">{q.text}</span>
              </p>
              <small>
                {t.qa.asked} <time datetime={q.askedAt}>{formatDate(q.askedAt, view.locale)}</time>
              </small>
              {q.answer ? (
                <p class="a" lang={contentLanguage(q.answer)}>
                  <span class="muted">{t.qa.answer}: </span>
                  <span class="prose">{q.answer}</span>
                </p>
              ) : (
                <p class="a muted">{t.qa.unanswered}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One challenge in full: terms, status, the award when there is one, the description and the public Q&A. */
export function ChallengePage({ view, challenge, questions }: { view: BoardView; challenge: Challenge; questions: readonly Question[] }) {
  const { t } = view;
  const c = challenge;
  return (
    <Layout view={view} title={c.title} section={null}>
      <p>
        <a href={view.href('/')}>← {t.challenge.back}</a>
      </p>
      <article>
        <h1 lang={contentLanguage(c.title)}>{c.title}</h1>
        <p class="muted">
          {t.challenge.postedBy}: {profileLine(c.owner)}
        </p>
        <p>
          <StatusBadge view={view} status={c.status} />{' '}
          {c.status === 'open' && <Countdown view={view} deadline={c.deadline} />}
        </p>
        <p class="lead" lang={contentLanguage(c.summary)}>
          {c.summary}
        </p>
        {c.award && <AwardPanel view={view} award={c.award} />}
        <section class="panel" aria-labelledby="details">
          <h2 id="details">{t.challenge.details}</h2>
          <dl class="grid-facts">
            <div>
              <dt>{t.challenge.reward}</dt>
              <dd>{formatMoney(c.reward, view.locale)}</dd>
            </div>
            <div>
              <dt>{t.challenge.deadline}</dt>
              <dd>
                <time datetime={c.deadline}>{formatDateTime(c.deadline, view.locale)}</time>
              </dd>
            </div>
            <div>
              <dt>{t.challenge.type}</dt>
              <dd>{t.types[c.type]}</dd>
            </div>
            <div>
              <dt>{t.challenge.ipTerms}</dt>
              <dd>{t.ipTerms[c.ipTerms]}</dd>
            </div>
            <div>
              <dt>{t.challenge.status}</dt>
              <dd>{t.statuses[c.status]}</dd>
            </div>
            {c.publishedAt && (
              <div>
                <dt>{t.challenge.published}</dt>
                <dd>
                  <time datetime={c.publishedAt}>{formatDate(c.publishedAt, view.locale)}</time>
                </dd>
              </div>
            )}
            <div>
              <dt>{t.challenge.activity}</dt>
              <dd>{[t.challenge.bids(c.counters.bids), t.challenge.saves(c.counters.saves), t.challenge.questions(c.counters.questions)].join(' · ')}</dd>
            </div>
          </dl>
          <h3>{t.challenge.fields}</h3>
          <FieldChips view={view} fields={c.fields} />
          {c.keywords.length > 0 && (
            <>
              <h3>{t.challenge.keywords}</h3>
              <ul class="chips">
                {c.keywords.map((k) => (
                  <li>
                    <a class="chip" href={view.href('/', { q: k })} lang={contentLanguage(k)}>
                      {k}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
        <EvaluationPanel view={view} challenge={c} />
        {c.description && (
          <section aria-labelledby="description">
            <h2 id="description">{t.challenge.description}</h2>
            <div class="prose" lang={contentLanguage(c.description)}>
              {c.description}
            </div>
          </section>
        )}
        <QuestionsAndAnswers view={view} questions={questions} />
        <p class="muted">{t.challenge.takePart}</p>
      </article>
    </Layout>
  );
}
