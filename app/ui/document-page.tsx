import type { DocumentContent } from '../../scenarios/documents';

/** 2025-03-10 → 2025年3月10日 (as dates are written on 文书). */
function writtenDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** One document as an A4 page: authority and title centred, number right-aligned, body, signatures, seal and date. */
export function DocumentPage({ doc, id, titleLevel = 3 }: { doc: DocumentContent; id?: string; titleLevel?: 2 | 3 }) {
  const Title = titleLevel === 2 ? 'h2' : 'h3';
  const Heading = titleLevel === 2 ? 'h3' : 'h4';
  return (
    <article
      className="doc-page"
      id={id}
      data-testid="document-page"
      data-type={doc.type}
      aria-label={doc.number ? `${doc.title} ${doc.number}` : doc.title}
    >
      <header className="doc-page__head">
        <p className="doc-page__authority">{doc.authority}</p>
        <Title className="doc-page__title">{doc.title}</Title>
        {doc.number ? <p className="doc-page__number">{doc.number}</p> : null}
      </header>
      {doc.addressee ? <p className="doc-page__addressee">{doc.addressee}</p> : null}
      {doc.sections.map((section, i) => (
        <section key={i} className="doc-page__section">
          {section.heading ? <Heading className="doc-page__heading">{section.heading}</Heading> : null}
          {section.fields && section.fields.length > 0 ? (
            <table className="doc-page__fields">
              <tbody>
                {section.fields.map((field) => (
                  <tr key={field.label}>
                    <th scope="row">{field.label}</th>
                    <td>{field.value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {section.lines.map((line, j) => (
            <p key={j} className={/^\d+\. /.test(line) ? 'doc-page__item' : 'doc-page__para'}>
              {line}
            </p>
          ))}
        </section>
      ))}
      <footer className="doc-page__foot">
        <dl className="doc-page__signatures">
          {doc.signatures.map((s) => (
            <div key={s.label}>
              <dt>{s.label}：</dt>
              <dd>{s.value}</dd>
            </div>
          ))}
        </dl>
        {doc.sealed ? (
          <div className="doc-page__seal">
            <p>{doc.authority}（印章）</p>
            <p>{writtenDate(doc.date)}</p>
          </div>
        ) : (
          <p className="doc-page__date">{writtenDate(doc.date)}</p>
        )}
        {doc.note ? <p className="doc-page__note">{doc.note}</p> : null}
      </footer>
    </article>
  );
}

/** The documents of an attempt, one page each (each on its own printed page). */
export function DocumentPages({ documents, titleLevel = 3 }: { documents: DocumentContent[]; titleLevel?: 2 | 3 }) {
  return (
    <div className="doc-pages" data-testid="document-pages">
      {documents.map((doc, i) => (
        <DocumentPage key={`${doc.type}-${doc.number ?? i}`} doc={doc} id={`doc-${i + 1}`} titleLevel={titleLevel} />
      ))}
    </div>
  );
}
