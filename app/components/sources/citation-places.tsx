import { Link } from "@remix-run/react";
import { Card } from "~/components/ui/card";

type Place = { id: number; pages: string | null; url: string; passage?: string | null };
export type CitingEpisode = {
  id: number;
  slug: string;
  title: string;
  sections: (Place & { label: string })[];
  comments: (Place & { anchor: string; authorName: string })[];
};

/** Every place a source is cited, episode by episode: sections in page order, then comments. */
export function CitationPlaces({ episodes }: { episodes: CitingEpisode[] }) {
  return (
    <ul className="space-y-4">
      {episodes.map((episode) => (
        <Card as="li" key={episode.id}>
          <h3 className="font-serif text-lg font-semibold leading-snug [overflow-wrap:anywhere]">
            <Link to={`/episodes/${episode.slug}`}>{episode.title}</Link>
          </h3>
          {episode.sections.length > 0 ? (
            <PlaceList
              heading="In the program text"
              places={episode.sections.map((section) => ({ ...section, label: section.label === "body" ? "The text" : `Section ${section.label}` }))}
            />
          ) : null}
          {episode.comments.length > 0 ? (
            <PlaceList
              heading="In the comments"
              places={episode.comments.map((comment) => ({ ...comment, label: `Comment #${comment.anchor}`, by: comment.authorName }))}
            />
          ) : null}
        </Card>
      ))}
    </ul>
  );
}

function PlaceList({ heading, places }: { heading: string; places: (Place & { label: string; by?: string })[] }) {
  const passages = places.filter((place): place is typeof place & { passage: string } => Boolean(place.passage));
  return (
    <div className="mt-3">
      <h4 className="text-xs font-semibold uppercase tracking-wide text-stone-500 dark:text-stone-400">{heading}</h4>
      {passages.length > 0 ? (
        <ul className="mt-1.5 space-y-2">
          {passages.map((place) => (
            <li key={place.id}>
              <figure>
                <blockquote className="line-clamp-6 border-l-2 border-stone-300 pl-3 font-serif text-[0.95rem] whitespace-pre-line [overflow-wrap:anywhere] dark:border-stone-600">
                  {place.passage}
                </blockquote>
                {/* Plain text: the place's link is the chip below, once. */}
                <figcaption className="mt-0.5 pl-3 text-sm text-stone-600 dark:text-stone-300">
                  — {place.label}
                  {place.by ? ` by ${place.by}` : ""}
                </figcaption>
              </figure>
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="mt-1.5 flex flex-wrap gap-2">
        {places.map((place) => (
          <li key={place.id}>
            <Link
              to={place.url}
              className="inline-flex flex-wrap items-baseline gap-x-1.5 rounded-md border border-stone-200 px-2.5 py-1 text-sm no-underline hover:border-accent-600 hover:no-underline dark:border-stone-700 dark:hover:border-accent-300"
            >
              {/* The spaces between the parts keep the link's text (and accessible name) readable: "Section 6 pp. 10–11". */}
              <span className="font-medium">{place.label}</span>{" "}
              {place.by ? <span className="text-stone-600 dark:text-stone-300">by {place.by}</span> : null}{" "}
              {place.pages ? <span className="text-stone-500 dark:text-stone-400">{place.pages}</span> : null}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
