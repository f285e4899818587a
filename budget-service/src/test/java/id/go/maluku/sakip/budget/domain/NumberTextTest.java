package id.go.maluku.sakip.budget.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NumberTextTest {

    @ParameterizedTest(name = "money [{0}] is {1}")
    @CsvSource(delimiter = '|', value = {
            // dot thousands, as most of the seed prints
            "Rp. 1.123.840.000      | 1123840000.00",
            "Rp.56.140.000          | 56140000.00",
            "Rp 921.509.332         | 921509332.00",
            "Rp. 0                  | 0.00",
            // comma thousands with decimals (seed table 3.12, line 2)
            "Rp. 30,000,000.00      | 30000000.00",
            "30,000,000             | 30000000.00",
            // dot thousands with comma decimals
            "1.234.567,89           | 1234567.89",
            "1.234,5                | 1234.50",
            // no thousands, decimals in either convention
            "1234,5                 | 1234.50",
            "1234.56                | 1234.56",
            "1234                   | 1234.00",
            "IDR 2.273.902.414      | 2273902414.00",
            "'Rp.\u00a01.000.000'   | 1000000.00",
            "-1.000.000             | -1000000.00",
            "(1.000.000)            | -1000000.00",
            "0,5                    | 0.50",
            "12,34                  | 12.34",
            "12345678               | 12345678.00"
    })
    void reads_both_conventions(String text, String expected) {
        NumberText.Parsed parsed = NumberText.money(text);
        assertTrue(parsed.ok(), () -> parsed.error());
        assertEquals(new BigDecimal(expected), parsed.value());
        assertEquals(2, parsed.value().scale());
    }

    @ParameterizedTest(name = "money [{0}] is refused")
    @CsvSource(delimiter = '|', value = {
            // a single separator followed by three digits: thousands or decimals? never guessed
            "1.234", "1,234", "Rp. 1.234", "Rp 123,456",
            // malformed groups
            "1.23.456", "1,2,3", "12.34.567", "1234.567.890", "1.234.56",
            // too many decimals for rupiah
            "1.234.567,891", "1,234.567", "12,345",
            // not numbers at all
            "abc", "Rp.", "12a", "1 234", "1.234,56,78", ",5", "12.", "--5", "1.000,000.00"
    })
    void refuses_ambiguous_or_malformed(String text) {
        NumberText.Parsed parsed = NumberText.money(text);
        assertFalse(parsed.ok(), () -> text + " was read as " + parsed.value());
        assertNull(parsed.value());
    }

    @ParameterizedTest(name = "money [{0}] is empty")
    @CsvSource(value = {"''", "'   '"})
    void blank_is_empty_not_zero(String text) {
        assertTrue(NumberText.money(text).empty());
    }

    @ParameterizedTest(name = "percent [{0}] is {1}")
    @CsvSource(delimiter = '|', value = {
            "98,91 %   | 98.91",
            "98.91%    | 98.91",
            "96,95 %   | 96.95",
            "100 %     | 100",
            "100%      | 100",
            "92,36     | 92.36",
            "87,81 %   | 87.81",
            "0 %       | 0",
            "12,5%     | 12.5",
            "1.234,5 % | 1234.5",
            "33,3333   | 33.3333"
    })
    void reads_percentages_as_stated(String text, String expected) {
        NumberText.Parsed parsed = NumberText.percent(text);
        assertTrue(parsed.ok(), () -> parsed.error());
        assertEquals(new BigDecimal(expected), parsed.value());
    }

    @ParameterizedTest(name = "percent [{0}] is refused")
    @CsvSource(delimiter = '|', value = {"98,910 %", "1.234%", "abc %", "9 8 %", "98,9,1"})
    void refuses_ambiguous_percentages(String text) {
        assertFalse(NumberText.percent(text).ok());
    }

    @ParameterizedTest(name = "percent [{0}] is not stated")
    @CsvSource(value = {"'%'", "''", "' % '"})
    void a_lone_percent_sign_states_nothing(String text) {
        // the seed prints "%" with no number for the Huke Ina Permakanan line
        assertTrue(NumberText.percent(text).empty());
    }
}
