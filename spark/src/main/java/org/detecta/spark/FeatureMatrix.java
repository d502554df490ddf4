package org.detecta.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.SparseVector;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.detecta.cases.PatientCase;
import org.detecta.cases.Sex;
import org.detecta.learn.FeatureSpace;

/**
 * The model-ready matrix of DDXPlus patients: the core's {@link FeatureSpace} encoding computed on the executors
 * (a sparse vector per patient), the class index and a seeded split (0 train, 1 validation, 2 test) that keeps
 * identical patients on one side; written to the features zone ({@code features.ddxplus}) tagged with the clean
 * snapshot it came from.
 */
final class FeatureMatrix {
  static final String TABLE = SparkSessions.CATALOG + ".features.ddxplus";
  static final StructType SCHEMA = new StructType(new StructField[] {
      DataTypes.createStructField("id", DataTypes.StringType, false),
      DataTypes.createStructField("label", DataTypes.DoubleType, false),
      DataTypes.createStructField("split", DataTypes.IntegerType, false),
      DataTypes.createStructField("features", SQLDataTypes.VectorType(), false),
      DataTypes.createStructField("observed", DataTypes.createArrayType(DataTypes.StringType, false), false),
      DataTypes.createStructField("sex", DataTypes.StringType, true),
      DataTypes.createStructField("age", DataTypes.DoubleType, true),
      DataTypes.createStructField("diagnosis", DataTypes.StringType, false)});

  private FeatureMatrix() {
  }

  static Dataset<Row> encode(Dataset<Row> patients, FeatureSpace space, List<String> classes, long seed) {
    List<String> tokens = new ArrayList<>(space.tokens());
    Map<String, Double> scales = new java.util.HashMap<>(space.scales());
    List<String> classOrder = new ArrayList<>(classes);
    MapPartitionsFunction<Row, Row> encode = rows -> {
      FeatureSpace local = new FeatureSpace(tokens, scales, true);
      return new MappedIterator<>(rows, r -> {
        List<String> observed = r.getList(r.fieldIndex("observed"));
        String sexText = r.isNullAt(r.fieldIndex("sex")) ? null : r.getString(r.fieldIndex("sex"));
        Optional<Double> age = r.isNullAt(r.fieldIndex("age")) ? Optional.empty() : Optional.of(r.getDouble(r.fieldIndex("age")));
        String diagnosis = r.<String>getList(r.fieldIndex("diagnoses")).get(0);
        double[] x = local.encode(observed, Sex.parse(sexText), age).x();
        String key = seed + "|" + new TreeSet<>(observed) + "|" + age.orElse(-1.0) + "|" + sexText + "|" + diagnosis;
        int bucket = Math.floorMod(key.hashCode() * 0x9E3779B1, 100);
        int split = bucket < 70 ? 0 : bucket < 85 ? 1 : 2;
        return RowFactory.create(r.getString(r.fieldIndex("id")), (double) classOrder.indexOf(diagnosis), split,
            Vectors.dense(x).compressed(), observed.toArray(String[]::new), sexText, age.orElse(null), diagnosis);
      });
    };
    return patients.mapPartitions(encode, Encoders.row(SCHEMA));
  }

  /** Writes the matrix (sparse: indices and values) as one Iceberg commit; returns its snapshot id. */
  static long write(SparkSession spark, Dataset<Row> encoded, long sourceSnapshot) throws Exception {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + SparkSessions.CATALOG + ".features");
    Dataset<Row> sparse = encoded.map((org.apache.spark.api.java.function.MapFunction<Row, Row>) r -> {
      SparseVector v = ((Vector) r.get(3)).toSparse();
      return RowFactory.create(r.getString(0), r.getDouble(1), r.getInt(2), v.size(), v.indices(), v.values(), sourceSnapshot);
    }, Encoders.row(new StructType(new StructField[] {
        DataTypes.createStructField("id", DataTypes.StringType, false),
        DataTypes.createStructField("label", DataTypes.DoubleType, false),
        DataTypes.createStructField("split", DataTypes.IntegerType, false),
        DataTypes.createStructField("size", DataTypes.IntegerType, false),
        DataTypes.createStructField("indices", DataTypes.createArrayType(DataTypes.IntegerType, false), false),
        DataTypes.createStructField("values", DataTypes.createArrayType(DataTypes.DoubleType, false), false),
        DataTypes.createStructField("source_snapshot", DataTypes.LongType, false)})));
    sparse.writeTo(TABLE).using("iceberg")
        .tableProperty("detecta.source-table", SparkSessions.CATALOG + ".clean.ddxplus_patients")
        .option("snapshot-property.detecta.source-snapshot", Long.toString(sourceSnapshot))
        .createOrReplace();
    return org.apache.iceberg.spark.Spark3Util.loadIcebergTable(spark, TABLE).currentSnapshot().snapshotId();
  }

  /** The patients of one split on the driver (validation and test only), ordered by id. */
  static List<PatientCase> cases(Dataset<Row> split) {
    List<PatientCase> cases = new ArrayList<>();
    Iterator<Row> rows = split.orderBy("id").select("id", "observed", "sex", "age", "diagnosis").toLocalIterator();
    while (rows.hasNext()) {
      Row r = rows.next();
      cases.add(new PatientCase(r.getString(0), "lake", Optional.empty(), Sex.parse(r.isNullAt(2) ? null : r.getString(2)),
          r.isNullAt(3) ? Optional.empty() : Optional.of(r.getDouble(3)), r.getList(1), List.of(), List.of(r.getString(4))));
    }
    return cases;
  }
}
