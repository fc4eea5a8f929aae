package org.gonghui.platform.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Map;

import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Date-times in the JSON API: a value without an offset ({@code 2026-05-01T09:00:00}) is Beijing time,
 * the way every union office and every script writer in China means it; with an offset or {@code Z} it
 * is taken as given. Jackson's own reader refuses a local value for an {@link Instant}, which answered
 * 400 to the first request anyone wrote by hand. The OpenAPI schema says so on every date-time field.
 */
@Configuration(proxyBeanMethods = false)
class ApiDateTimes {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String DESCRIPTION = "ISO-8601 date-time. Without an offset (2026-05-01T09:00:00) it is Beijing time "
			+ "(Asia/Shanghai); with an offset (+08:00) or Z it is taken as given. 不带时区的时间按北京时间理解。";

	@Bean
	JsonMapperBuilderCustomizer beijingDateTimes() {
		return builder -> builder.addModule(new SimpleModule("gonghui-beijing-date-times")
			.addDeserializer(Instant.class, new Reader<>(Instant.class, ZonedDateTime::toInstant))
			.addDeserializer(OffsetDateTime.class, new Reader<>(OffsetDateTime.class, ZonedDateTime::toOffsetDateTime))
			.addDeserializer(ZonedDateTime.class, new Reader<>(ZonedDateTime.class, z -> z)));
	}

	@Bean
	OpenApiCustomizer beijingDateTimesDocumented() {
		return openApi -> {
			if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
				return;
			}
			openApi.getComponents().getSchemas().values().forEach(ApiDateTimes::describe);
		};
	}

	@SuppressWarnings("rawtypes")
	private static void describe(Schema<?> schema) {
		if (schema == null) {
			return;
		}
		if ("date-time".equals(schema.getFormat())) {
			schema.setDescription(schema.getDescription() == null ? DESCRIPTION : schema.getDescription() + " " + DESCRIPTION);
			schema.setExample("2026-05-01T09:00:00");
		}
		Map<String, Schema> properties = schema.getProperties();
		if (properties != null) {
			properties.values().forEach(p -> describe(p));
		}
		if (schema.getItems() != null) {
			describe(schema.getItems());
		}
	}

	/** Parses a date-time with or without an offset; a local one is placed in Beijing. */
	static ZonedDateTime parse(String text) {
		TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), ZonedDateTime::from, LocalDateTime::from);
		return parsed instanceof LocalDateTime local ? local.atZone(BEIJING) : (ZonedDateTime) parsed;
	}

	private static final class Reader<T> extends ValueDeserializer<T> {

		private final Class<T> type;
		private final java.util.function.Function<ZonedDateTime, T> convert;

		Reader(Class<T> type, java.util.function.Function<ZonedDateTime, T> convert) {
			this.type = type;
			this.convert = convert;
		}

		@Override
		public T deserialize(JsonParser p, DeserializationContext ctxt) {
			JsonToken token = p.currentToken();
			if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
				// Epoch seconds, as Jackson reads them by default: kept so existing scripts go on working.
				BigDecimal seconds = p.getDecimalValue();
				Instant instant = Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
				return convert.apply(instant.atZone(BEIJING));
			}
			if (token != JsonToken.VALUE_STRING) {
				return type.cast(ctxt.handleUnexpectedToken(type, p));
			}
			String text = p.getString();
			if (text.isBlank()) {
				return null;
			}
			try {
				return convert.apply(parse(text));
			}
			catch (DateTimeParseException e) {
				return type.cast(ctxt.handleWeirdStringValue(type, text, "not an ISO-8601 date-time, e.g. 2026-05-01T09:00:00"));
			}
		}
	}
}
