package org.gonghui.news;

/** {@link ArticleContract} on the embedded H2 database. */
class ArticleH2Tests extends ArticleContract {
}
