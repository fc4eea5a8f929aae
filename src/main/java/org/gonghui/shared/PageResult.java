package org.gonghui.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list, as pages and the JSON API return it. {@code page} counts from 0. */
public record PageResult<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

	public static final int MAX_SIZE = 200;

	public PageResult(List<T> content, int page, int size, long totalElements) {
		this(content, page, size, totalElements, size == 0 ? 0 : (int) ((totalElements + size - 1) / size));
	}

	public boolean hasNext() {
		return page + 1 < totalPages();
	}

	public boolean hasPrevious() {
		return page > 0;
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(content.stream().map(mapper).toList(), page, size, totalElements);
	}

	/** Page number and size as asked for, clamped to sane bounds. */
	public record Request(int page, int size) {
		public Request {
			page = Math.max(0, page);
			size = size <= 0 ? 20 : Math.min(size, MAX_SIZE);
		}

		public long offset() {
			return (long) page * size;
		}
	}
}
