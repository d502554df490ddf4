package org.detecta.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.detecta.batch.BatchFormat;
import org.detecta.batch.BatchRow;
import org.detecta.batch.RowSink;

/**
 * {@code --format parquet} for the local engine: one {@code part-NNNNN.parquet} (Snappy) written with
 * parquet-hadoop, the same columns and types the Spark engine writes, so both outputs read back alike.
 */
public final class ParquetFormat implements BatchFormat {
  static final MessageType SCHEMA = MessageTypeParser.parseMessageType("message batch_row {"
      + " required binary patient_id (STRING); required int32 rank; required binary disease_id (STRING);"
      + " required binary disease_name (STRING); required double probability; required binary kind (STRING);"
      + " required binary model (STRING); required int32 version; required boolean rare_flag; }");

  @Override
  public String name() {
    return "parquet";
  }

  @Override
  public RowSink open(Path dir, int part) throws IOException {
    Path file = dir.resolve(String.format(Locale.ROOT, "part-%05d.parquet", part));
    ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
        .withType(SCHEMA).withConf(new Configuration()).withCompressionCodec(CompressionCodecName.SNAPPY).build();
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    return new RowSink() {
      @Override
      public void write(BatchRow r) throws IOException {
        writer.write(groups.newGroup().append("patient_id", r.patientId()).append("rank", r.rank())
            .append("disease_id", r.diseaseId()).append("disease_name", r.diseaseName())
            .append("probability", r.probability()).append("kind", r.kind()).append("model", r.model())
            .append("version", r.version()).append("rare_flag", r.rareFlag()));
      }

      @Override
      public void close() throws IOException {
        writer.close();
      }
    };
  }
}
