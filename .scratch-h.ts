import { ingestBytes } from "./src/ingest/read-report.ts";
const html = `<!doctype html><html><head><title>Talks enter third day | Example News</title>
<meta property="og:site_name" content="Example News">
<link rel="canonical" href="https://news.example.com/world/talks">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"US and Russia enter third day of Syria talks","datePublished":"2013-09-14T07:13:00+03:00","publisher":{"@type":"Organization","name":"Example Wire"},"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],"articleSection":"Middle East","description":"Kerry and Lavrov seek a deal."}</script>
<script>alert(1)</script><style>p{color:red}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>US and Russia enter third day of Syria talks</h1>
<p>The United States and Russia are to hold a third day of complex talks on Saturday, seeking to hammer out a deal on eliminating Syria's arsenal of chemical weapons, amid persistent differences between them.</p>
<img src=x onerror=alert(1)>
<h2>Pivotal point</h2>
<p>During their second day of talks in Geneva on Friday, the US Secretary of State, John Kerry, and his Russian counterpart Sergei Lavrov shuttled with their delegations in and out of talks, breaking up after midnight.</p>
<blockquote><p>"Both nations said they wanted to renew efforts," he said.</p></blockquote>
<figure><img src="a.jpg"><figcaption>Kerry and Lavrov in Geneva [Reuters]</figcaption></figure>
<p>Teams of experts have been poring over a last-minute Russian initiative, which led US President Barack Obama to back away from planned military strikes in response to an August chemical attack.</p>
<script>document.write("<p>injected</p>")</script><!-- a comment --><noscript>Enable JS</noscript><svg><text>svgtext</text></svg><template><p>tpl</p></template>
</article><footer><p>© Example News 2013</p></footer></body></html>`;
const d = ingestBytes(new TextEncoder().encode(html), "r/page.html");
for (const l of d.lines) console.log(l.n, d.bodyLines!.has(l.n) ? "B" : " ", d.lineTags!.get(l.n), l.text);
console.log(JSON.stringify(d.stated, null, 1), d.diagnostics);
