package org.gonghui.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import org.gonghui.platform.SearchDocument;
import org.gonghui.platform.SearchKind;
import org.springframework.util.FileSystemUtils;

/**
 * The Lucene index of the platform search, one per instance (in memory, or in a local folder when
 * {@code gonghui.search.directory} is set). Chinese is cut into single characters and overlapping pairs
 * (CJKBigramFilter with unigrams): a query of two or more characters matches by its pairs — every pair must be
 * there, which is close to a phrase for the two- to four-character words people type (工会, 劳模, 驿站, 丰台站) — and
 * a query of one character by that character. Latin letters and digits are words of their own, lower-cased and
 * width-folded (ＫＦＣ = kfc), so "211厂" or "3号 驿站" mix both.
 * <p>
 * Scope is part of the query (a filter on one of the organisation paths a record lies within, and on visibility), so
 * what a caller may not see is neither returned nor counted.
 */
final class SearchIndex implements AutoCloseable {

	static final String KEY = "key", KIND = "kind", KIND_NUMBER = "kind_number", ID = "id", TITLE = "title", TITLE_EXACT = "title_exact",
			TITLE_START = "title_start", BODY = "body", DETAIL = "detail", SCOPE = "scope", VISIBILITY = "visibility", STAFF_LINK = "staff_link",
			PUBLIC_LINK = "public_link";
	private static final int SNIPPET_CHARS = 90;
	/** Titles are indexed with their first one to this many characters as exact terms (see {@link #document}). */
	private static final int TITLE_START_CHARS = 4;
	private static final SearchKind[] KINDS = SearchKind.values();

	/** Index side: every Han character alone and with its neighbour. */
	static final Analyzer INDEX_ANALYZER = analyzer(true);
	/** Query side: pairs only, so 驿站 needs 驿站 and not 驿 or 站 alone; a lone character stays itself. */
	static final Analyzer QUERY_ANALYZER = analyzer(false);

	private final Path folder;
	private volatile Generation current;

	/**
	 * One built index with its writer and searchers, counted: the index holds one reference while the generation is
	 * live and every search or write holds one while it works, so a rebuild can swap a new generation in at any
	 * moment and the old one is closed (and its folder deleted) by whoever lets go of it last — never under a search.
	 */
	private static final class Generation {

		private final Directory directory;
		private final IndexWriter writer;
		private final SearcherManager searchers;
		private final AtomicInteger references = new AtomicInteger(1);

		Generation(Directory directory, IndexWriter writer, SearcherManager searchers) {
			this.directory = directory;
			this.writer = writer;
			this.searchers = searchers;
		}

		/** False once the last reference is gone: the caller reads {@link SearchIndex#current} again. */
		boolean tryAcquire() {
			int n;
			do {
				n = references.get();
				if (n <= 0) {
					return false;
				}
			}
			while (!references.compareAndSet(n, n + 1));
			return true;
		}

		void release() {
			if (references.decrementAndGet() == 0) {
				closeNow();
			}
		}

		private void closeNow() {
			Path dir = directory instanceof FSDirectory fs ? fs.getDirectory() : null;
			try {
				// Nothing of a generation let go of is kept: rollback closes the writer without a last commit.
				IOUtils.close(searchers, writer::rollback, directory);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			finally {
				if (dir != null) {
					FileSystemUtils.deleteRecursively(dir.toFile());
				}
			}
		}
	}

	/** A hit, its title and snippet already HTML (escaped, with the {@code <mark>} the highlighter adds). */
	record Hit(SearchKind kind, long id, String title, String titleHtml, String snippetHtml, String staffLink, String publicLink, float score) {
	}

	record Found(List<Hit> hits, Map<SearchKind, Long> counts, long total) {
	}

	SearchIndex(Path folder) {
		this.folder = folder;
		this.current = open("live");
	}

	private static Analyzer analyzer(boolean unigrams) {
		return new Analyzer() {
			@Override
			protected TokenStreamComponents createComponents(String fieldName) {
				Tokenizer tokenizer = new StandardTokenizer();
				TokenStream stream = new CJKWidthFilter(tokenizer);
				stream = new LowerCaseFilter(stream);
				stream = new CJKBigramFilter(stream, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
						| CJKBigramFilter.HANGUL, unigrams);
				return new TokenStreamComponents(tokenizer, stream);
			}
		};
	}

	private Generation open(String name) {
		try {
			Directory directory;
			if (folder == null) {
				directory = new ByteBuffersDirectory();
			}
			else {
				Path dir = folder.resolve(name + "-" + System.nanoTime());
				Files.createDirectories(dir);
				directory = FSDirectory.open(dir);
			}
			IndexWriterConfig config = new IndexWriterConfig(INDEX_ANALYZER);
			config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
			config.setRAMBufferSizeMB(64);
			IndexWriter writer = new IndexWriter(directory, config);
			return new Generation(directory, writer, new SearcherManager(writer, null));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds or replaces a findable document, or removes one nobody may find; visible after {@link #refresh()}. */
	void apply(SearchDocument document) {
		Generation generation = acquire();
		try {
			apply(generation.writer, document);
		}
		finally {
			generation.release();
		}
	}

	/** The live generation, held until {@link Generation#release()}; a swap in between only makes it the old one. */
	private Generation acquire() {
		while (true) {
			Generation generation = current;
			if (generation.tryAcquire()) {
				return generation;
			}
			if (generation == current) {
				throw new org.apache.lucene.store.AlreadyClosedException("the search index is closed");
			}
		}
	}

	private static void apply(IndexWriter writer, SearchDocument d) {
		try {
			Term key = new Term(KEY, d.key());
			if (d.visibility() == SearchDocument.Visibility.NONE) {
				writer.deleteDocuments(key);
			}
			else {
				writer.updateDocument(key, document(d));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Document document(SearchDocument d) {
		Document doc = new Document();
		doc.add(new StringField(KEY, d.key(), Field.Store.NO));
		doc.add(new StringField(KIND, d.kind().name(), Field.Store.YES));
		// Read per match while counting the kinds.
		doc.add(new NumericDocValuesField(KIND_NUMBER, d.kind().ordinal()));
		doc.add(new StoredField(ID, d.id()));
		doc.add(new TextField(TITLE, d.title(), Field.Store.YES));
		String title = normal(d.title());
		doc.add(new StringField(TITLE_EXACT, title, Field.Store.NO));
		// "The title starts with the query" for the one- to four-character queries people type is then one term, not a
		// prefix query over every name that starts with 王 (some 17,000 at a million members).
		for (int chars = 1; chars <= TITLE_START_CHARS && chars <= title.codePointCount(0, title.length()); chars++) {
			doc.add(new StringField(TITLE_START, title.substring(0, title.offsetByCodePoints(0, chars)), Field.Store.NO));
		}
		doc.add(new TextField(BODY, d.body(), Field.Store.YES));
		if (!d.detail().isEmpty()) {
			doc.add(new StoredField(DETAIL, d.detail()));
		}
		// Every organisation path the record lies within (/1/, /1/3/, /1/3/17/), so a scope is one term to filter by
		// instead of a prefix query over the ~1,000 paths of a district.
		for (String ancestor : ancestors(d.organizationPath())) {
			doc.add(new StringField(SCOPE, ancestor, Field.Store.NO));
		}
		doc.add(new StringField(VISIBILITY, d.visibility().name(), Field.Store.NO));
		if (d.staffLink() != null) {
			doc.add(new StoredField(STAFF_LINK, d.staffLink()));
		}
		if (d.publicLink() != null) {
			doc.add(new StoredField(PUBLIC_LINK, d.publicLink()));
		}
		return doc;
	}

	/** {@code /1/3/17/} → {@code /1/}, {@code /1/3/}, {@code /1/3/17/}; a record of no organisation lies within none. */
	static List<String> ancestors(String path) {
		List<String> ancestors = new ArrayList<>();
		for (int slash = path.indexOf('/', 1); slash > 0; slash = path.indexOf('/', slash + 1)) {
			ancestors.add(path.substring(0, slash + 1));
		}
		return ancestors;
	}

	/** The records of the organisation at {@code path} and of every organisation below it. */
	static Query within(String path) {
		return new TermQuery(new Term(SCOPE, path));
	}

	private static String normal(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

	void refresh() {
		Generation generation = acquire();
		try {
			generation.searchers.maybeRefreshBlocking();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			generation.release();
		}
	}

	/**
	 * Builds a new index from {@code documents} beside the live one and swaps it in when complete; searches meanwhile
	 * read the old one. The caller re-applies the changes made while it was built.
	 */
	void replaceAll(java.util.function.Consumer<java.util.function.Consumer<SearchDocument>> documents) {
		Generation next = open("build");
		boolean built = false;
		try {
			documents.accept(d -> apply(next.writer, d));
			next.writer.commit();
			next.searchers.maybeRefreshBlocking();
			built = true;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			if (!built) {
				next.release();
			}
		}
		Generation old = current;
		current = next;
		// Published first, let go of after: searches that hold the old one finish on it, and the last closes it.
		old.release();
	}

	long size() {
		Generation generation = acquire();
		try {
			return generation.writer.getDocStats().numDocs;
		}
		finally {
			generation.release();
		}
	}

	/**
	 * The best {@code limit} hits of {@code text} within {@code filter} (scope, visibility, organisation) and of
	 * {@code kind} (any when null), with the count per kind under the same filter: the groups a caller may open.
	 */
	Found search(String text, Query filter, SearchKind kind, int limit) {
		List<String> tokens = tokens(text);
		if (tokens.isEmpty()) {
			return new Found(List.of(), Map.of(), 0);
		}
		BooleanQuery.Builder match = new BooleanQuery.Builder();
		BooleanQuery.Builder highlight = new BooleanQuery.Builder();
		for (String token : tokens) {
			Query inTitle = new BoostQuery(new TermQuery(new Term(TITLE, token)), 3f);
			Query inBody = new TermQuery(new Term(BODY, token));
			match.add(new BooleanQuery.Builder().add(inTitle, Occur.SHOULD).add(inBody, Occur.SHOULD).build(), Occur.MUST);
			highlight.add(new TermQuery(new Term(TITLE, token)), Occur.SHOULD);
			highlight.add(new TermQuery(new Term(BODY, token)), Occur.SHOULD);
		}
		// A title that is the query (a name) or starts with it comes first.
		String whole = normal(text);
		match.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(TITLE_EXACT, whole))), 20f), Occur.SHOULD);
		Query startsWith = whole.codePointCount(0, whole.length()) <= TITLE_START_CHARS ? new TermQuery(new Term(TITLE_START, whole))
				: new PrefixQuery(new Term(TITLE_EXACT, whole));
		match.add(new BoostQuery(new ConstantScoreQuery(startsWith), 6f), Occur.SHOULD);
		Query scoped = new BooleanQuery.Builder().add(match.build(), Occur.MUST).add(filter, Occur.FILTER).build();

		Generation generation = acquire();
		SearcherManager searchers = generation.searchers;
		try {
			IndexSearcher searcher = searchers.acquire();
			try {
				// One counting pass over what the scope allows, without scores: every match under its kind. The top hits
				// are a second, scored search that may skip what cannot make the top (block-max WAND).
				long[] perKind = searcher.search(scoped, new KindCounts());
				Map<SearchKind, Long> counts = new EnumMap<>(SearchKind.class);
				long total = 0;
				for (SearchKind k : KINDS) {
					long n = perKind[k.ordinal()];
					if (n > 0) {
						counts.put(k, n);
						total += n;
					}
				}
				Query topQuery = kind == null ? scoped
						: new BooleanQuery.Builder().add(scoped, Occur.MUST).add(new TermQuery(new Term(KIND, kind.name())), Occur.FILTER).build();
				TopDocs top = searcher.search(topQuery, limit);
				List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
				Query highlightQuery = highlight.build();
				for (ScoreDoc sd : top.scoreDocs) {
					hits.add(hit(searcher.storedFields().document(sd.doc), sd.score, highlightQuery));
				}
				return new Found(hits, counts, total);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			generation.release();
		}
	}

	/** The matches per kind, read from each document's kind number; scores are not computed. */
	private static final class KindCounts implements CollectorManager<KindCounts.PerKind, long[]> {

		static final class PerKind extends SimpleCollector {

			final long[] counts = new long[KINDS.length];
			private NumericDocValues kinds;

			@Override
			protected void doSetNextReader(LeafReaderContext context) throws IOException {
				kinds = DocValues.getNumeric(context.reader(), KIND_NUMBER);
			}

			@Override
			public void collect(int doc) throws IOException {
				if (kinds.advanceExact(doc)) {
					counts[(int) kinds.longValue()]++;
				}
			}

			@Override
			public ScoreMode scoreMode() {
				return ScoreMode.COMPLETE_NO_SCORES;
			}
		}

		@Override
		public PerKind newCollector() {
			return new PerKind();
		}

		@Override
		public long[] reduce(Collection<PerKind> collectors) {
			long[] sum = new long[KINDS.length];
			for (PerKind c : collectors) {
				for (int i = 0; i < sum.length; i++) {
					sum[i] += c.counts[i];
				}
			}
			return sum;
		}
	}

	private static Hit hit(Document doc, float score, Query highlightQuery) {
		SimpleHTMLEncoder encoder = new SimpleHTMLEncoder();
		String title = doc.get(TITLE);
		String titleHtml = highlighted(highlightQuery, TITLE, title, new NullFragmenter());
		if (titleHtml == null) {
			titleHtml = encoder.encodeText(title);
		}
		String body = doc.get(BODY);
		String bodyHtml = body == null || body.isEmpty() ? "" : highlighted(highlightQuery, BODY, body, new SimpleFragmenter(SNIPPET_CHARS));
		if (bodyHtml == null) {
			bodyHtml = encoder.encodeText(body.length() > SNIPPET_CHARS ? body.substring(0, SNIPPET_CHARS) + "…" : body);
		}
		String detail = doc.get(DETAIL);
		String snippet = detail == null ? bodyHtml : bodyHtml.isEmpty() ? encoder.encodeText(detail) : encoder.encodeText(detail) + " · " + bodyHtml;
		return new Hit(SearchKind.valueOf(doc.get(KIND)), doc.getField(ID).numericValue().longValue(), title, titleHtml, snippet,
				doc.get(STAFF_LINK), doc.get(PUBLIC_LINK), score);
	}

	private static String highlighted(Query query, String field, String text, org.apache.lucene.search.highlight.Fragmenter fragmenter) {
		Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(query, field));
		highlighter.setTextFragmenter(fragmenter);
		try {
			return highlighter.getBestFragment(INDEX_ANALYZER, field, text);
		}
		catch (IOException | InvalidTokenOffsetsException e) {
			return null;
		}
	}

	/** The query's terms as the index holds them. */
	static List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = QUERY_ANALYZER.tokenStream(BODY, text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String t = term.toString();
				if (!tokens.contains(t)) {
					tokens.add(t);
				}
			}
			stream.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return tokens;
	}

	static Query nothing() {
		return new MatchNoDocsQuery();
	}

	@Override
	public void close() {
		current.release();
	}
}
