/**
 * An official's counterparts drawn as a star: the official in the middle,
 * each counterpart around, lines thicker for more meetings. Every node is a
 * link, reachable with Tab; the list beside it carries the same facts as text.
 */
import { href, navigate } from './router';
import type { CounterpartFields, Ref } from './queries';

// Narrow on purpose: on a phone the drawing is scaled to the screen, and labels stay near 15px.
const width = 360;
const height = 300;
const centre = { x: width / 2, y: height / 2 };
/** More than this many counterparts crowd the ring; the list shows them all. */
export const maxDrawn = 12;

function shortName(name: string): string {
  return name.length > 18 ? `${name.slice(0, 17)}…` : name;
}

export function CounterpartNetwork({ official, counterparts }: { official: Ref; counterparts: CounterpartFields[] }) {
  const drawn = counterparts.slice(0, maxDrawn);
  const most = Math.max(1, ...drawn.map((c) => c.meetingCount));
  const nodes = drawn.map((counterpart, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / Math.max(drawn.length, 1);
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    // Labels sit centred under (or, in the upper half, over) their node, so none runs off the sides.
    const x = centre.x + 115 * cos;
    const y = centre.y + 100 * sin;
    return { counterpart, x, y, labelY: sin < -0.3 ? y - 16 : y + 28 };
  });

  return (
    <figure className="network">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={`${official.name} and the officials met`}>
        {nodes.map(({ counterpart, x, y }) => (
          <line
            key={`edge-${counterpart.official.id}`}
            x1={centre.x}
            y1={centre.y}
            x2={x}
            y2={y}
            className="network-edge"
            strokeWidth={1.5 + (4 * counterpart.meetingCount) / most}
          />
        ))}
        <circle cx={centre.x} cy={centre.y} r={16} className="network-centre" />
        <text x={centre.x} y={centre.y + 38} textAnchor="middle" className="network-label network-label-centre">
          {shortName(official.name)}
        </text>
        {nodes.map(({ counterpart, x, y, labelY }) => {
          const link = href.official(counterpart.official.id);
          const meetings = `${counterpart.meetingCount} ${counterpart.meetingCount === 1 ? 'meeting' : 'meetings'}`;
          return (
            <a
              key={counterpart.official.id}
              href={link}
              className="network-node"
              aria-label={`${counterpart.official.name}, ${meetings}`}
              onClick={(event) => {
                if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
                event.preventDefault();
                navigate(link);
              }}
            >
              <title>{`${counterpart.official.name} (${meetings})`}</title>
              <circle cx={x} cy={y} r={7 + (5 * counterpart.meetingCount) / most} />
              <text x={x} y={labelY} textAnchor="middle" className="network-label">
                {shortName(counterpart.official.name)}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption className="muted">
        {counterparts.length > maxDrawn
          ? `The ${maxDrawn} most-met of ${counterparts.length} counterparts; thicker lines, more meetings.`
          : 'Thicker lines, more meetings. Select a name to open that official.'}
      </figcaption>
    </figure>
  );
}
